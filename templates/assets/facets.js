/*
 * Facets of a search (search.md, "Facets"): how many of the hits read so far belong to each theme
 * and source, and how many fall in each month. Topic membership is the index's own: an item of a
 * theme or source holds the token ~theme/SLUG or ~source/NAME. In a month where more than 3 items
 * hold it the token is in a shard (in token order, so all topic tokens of a kind sit together);
 * otherwise only the directory has it, under the token's name. So the shards name the topics and
 * give lower bounds; a topic's directory entry makes its count exact.
 * Runs in the browser (search.html, before search.js) and under Node (src/test/node/facets-test.js).
 */
(function (global) {
  'use strict';

  var KINDS = ['source', 'theme'];
  var FIRST = '~' + KINDS[0] + '/';
  /** Sorts after every token of the last kind: '0' follows '/'. Securities (~stock/) sort in between. */
  var PAST = '~' + KINDS[KINDS.length - 1] + '0';

  function kindOf(token) {
    return token.substring(1, token.indexOf('/'));
  }

  /** The kind/slug a facet token stands for, as the topic filter takes it. */
  function topicOf(token) {
    return token.substring(1);
  }

  /**
   * A token's refs in a month, or null where the page cannot tell yet: the directory entry
   * (yyyymm → df, or its few refs "r,r" in base 36) says whether the month's shard holds them;
   * without the entry only the shard's tokens are known, and a token missing there may still be
   * held by up to 3 of the month's items.
   */
  function refsIn(month, token, shardRefs, entry) {
    var own = shardRefs[token];
    if (own) return own;
    if (!entry) return null;
    var listed = entry[month];
    if (typeof listed === 'string') return listed.split(',').map(function (r) { return parseInt(r, 36); });
    return [];
  }

  /**
   * Counts per facet token. hits: [{month, ref}]; months: {month: {refs: {token: [ref]}, read}} with
   * read true once every hit of the month is known; entries: {token: {yyyymm: df | "refs"}} for
   * the tokens whose directory entry was read. Returns [{topic, kind, count, exact}], most hits
   * first, then by name; a count is exact when every month was read and the token's refs are
   * known in each month with hits.
   */
  function count(hits, months, entries, allRead) {
    var byMonth = {};
    hits.forEach(function (h) { (byMonth[h.month] = byMonth[h.month] || []).push(h.ref); });
    var tokens = {};
    Object.keys(months).forEach(function (m) {
      Object.keys(months[m].refs).forEach(function (t) {
        if (KINDS.indexOf(kindOf(t)) >= 0) tokens[t] = true;
      });
    });
    Object.keys(entries).forEach(function (t) { tokens[t] = true; });
    var out = [];
    Object.keys(tokens).forEach(function (t) {
      var n = 0, exact = allRead;
      Object.keys(byMonth).forEach(function (m) {
        var known = months[m] || {refs: {}, read: false};
        var refs = refsIn(yyyymm(m), t, known.refs, entries[t]);
        if (!known.read || refs === null) exact = false;
        if (!refs) return;
        var has = {};
        refs.forEach(function (r) { has[r] = true; });
        byMonth[m].forEach(function (r) { if (has[r]) n++; });
      });
      if (n > 0) out.push({topic: topicOf(t), kind: kindOf(t), count: n, exact: exact});
    });
    return out.sort(function (a, b) { return b.count - a.count || (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : 0); });
  }

  function yyyymm(month) {
    return month.replace('-', '');
  }

  /**
   * Hits per month, oldest first: months are those with candidates (newest first, as prepared);
   * read says which are fully read. A month not fully read counts what is known: at least;
   * unless exact, the index's count of each month ({YYYY-MM: n}) for a query it tells, is known.
   */
  function timeline(months, hits, read, exact) {
    var counts = {};
    hits.forEach(function (h) { counts[h.month] = (counts[h.month] || 0) + 1; });
    return months.map(function (m, i) {
      if (exact && exact[m] !== undefined) return {month: m, count: exact[m], exact: true};
      return {month: m, count: counts[m] || 0, exact: read(i)};
    }).reverse();
  }

  /** The directory entry of a token as {yyyymm: df | "refs"}, from search-format.js's bucketEntries list. */
  function entryOf(list) {
    var out = {};
    for (var i = 0; i < list.length; i += 2) out[String(list[i])] = list[i + 1];
    return out;
  }

  var api = {first: FIRST, past: PAST, count: count, timeline: timeline, entryOf: entryOf};
  if (typeof module === 'object' && module.exports) module.exports = api;
  global.telegraphFacets = api;
})(this);
