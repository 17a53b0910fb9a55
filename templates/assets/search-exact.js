/*
 * A query's exact items in a month from the index alone (search.md "Exact totals"): the positions
 * of its tokens say which items hold each term, and in which of their texts, so no text is read.
 */
(function (S) {
  'use strict';

  /** Positions at or beyond this are in an earlier version: text k starts at k·TEXT (MonthIndex.TEXT_SHIFT). */
  var TEXT = S.TEXT = 1 << 24;

  /**
   * Whether the index alone tells the term: one Han run of two or more characters (its bigrams at
   * consecutive positions), or one word of 2 to prefixMax letters or digits (its prefix token).
   * A term with a single character, punctuation, a Han run beside letters or several words is
   * checked in the text.
   */
  function exactTerm(term, prefixMax) {
    if (term.words.length !== 1) return false;
    var w = term.words[0], r = S.runs(w);
    if (r.length !== 1 || r[0].start !== 0 || r[0].end !== w.length) return false;
    return r[0].han ? w.length >= 2 : w.length >= 2 && w.length <= prefixMax;
  }

  /**
   * Whether an index with positions tells the plan's results: every term, excluded ones too, and
   * every filter but major (the item's level, known from its text).
   */
  function exactPlan(p, prefixMax) {
    return p.indexed && !p.filters.major && p.terms.every(function (t) { return exactTerm(t, prefixMax); });
  }

  /** The tokens an exact term's items are read from: its bigrams in order, or its prefix token. */
  function exactTokens(term) {
    var w = term.words[0], out = [];
    if (!S.isHan(w.charCodeAt(0))) return [w + S.PREFIX_MARK];
    for (var k = 0; k + 1 < w.length; k++) out.push(w.substring(k, k + 2));
    return out;
  }

  /**
   * A stored posting (ref a base-36 gap in a shard, absolute in the directory): "ref" or
   * "ref:count"; in an index with positions "ref;p.p.p" (base 36, the first absolute, then gaps;
   * a topic has none). As [ref, count, positions]: count as elasticlunr's tf, for positions their
   * number in the item's own text, at least 1; positions [] where none are stored.
   */
  function posting(text) {
    var cut = text.search(/[:;]/), positions = [], count = 1;
    var ref = parseInt(cut < 0 ? text : text.substring(0, cut), 36);
    if (cut >= 0 && text.charAt(cut) === ':') count = parseInt(text.substring(cut + 1), 10);
    if (cut >= 0 && text.charAt(cut) === ';') {
      var at = 0, own = 0;
      text.substring(cut + 1).split('.').forEach(function (g) {
        positions.push(at += parseInt(g, 36));
        if (at < TEXT) own++;
      });
      count = Math.max(1, own);
    }
    return [ref, count, positions];
  }

  /** A token's postings as stored, as a Map ref → positions; gaps: refs are gaps (a shard's). */
  function postingMap(text, gaps) {
    var out = new Map(), ref = 0;
    if (!text) return out;
    text.split(',').forEach(function (p) {
      var parsed = posting(p);
      ref = gaps ? ref + parsed[0] : parsed[0];
      out.set(ref, parsed[2]);
    });
    return out;
  }

  /**
   * The items holding a term, Map ref → the texts (0 its own, k its k-th earlier version) that
   * hold it. lists: the postings (postingMap) of exactTokens(term), in order.
   */
  function holders(term, lists) {
    var out = new Map();
    lists[0].forEach(function (positions, ref) {
      var texts = [];
      var rest = [];
      for (var k = 1; k < lists.length; k++) {
        var p = lists[k].get(ref);
        if (!p) return;
        rest.push(new Set(p));
      }
      positions.forEach(function (at) {
        for (var k = 0; k < rest.length; k++) if (!rest[k].has(at + k + 1)) return;
        var text = Math.floor(at / TEXT);
        if (texts.indexOf(text) < 0) texts.push(text);
      });
      if (texts.length) out.set(ref, texts);
    });
    return out;
  }

  /**
   * The month's results, newest first, each {ref, version}: version 0 where the item's own text
   * holds the query, else the latest earlier version that does (as accepts() chooses).
   * terms: the plan's terms, each with its holders; topics: the refs of each topic token;
   * range: [first, last] ref within the filters' dates.
   */
  function matchMonth(terms, topics, range) {
    var positive = terms.filter(function (t) { return !t.term.negative; });
    var negative = terms.filter(function (t) { return t.term.negative; });
    var out = [];
    positive[0].holders.forEach(function (texts, ref) {
      if (ref < range[0] || ref > range[1]) return;
      for (var i = 0; i < topics.length; i++) if (!topics[i].has(ref)) return;
      var ok = texts.filter(function (text) {
        return positive.every(function (t) { var h = t.holders.get(ref); return h && h.indexOf(text) >= 0; })
          && !negative.some(function (t) { var h = t.holders.get(ref); return h && h.indexOf(text) >= 0; });
      });
      if (ok.length) out.push({ref: ref, version: ok.indexOf(0) >= 0 ? 0 : Math.max.apply(null, ok)});
    });
    return out.sort(function (a, b) { return b.ref - a.ref; });
  }

  [exactTerm, exactPlan, exactTokens, posting, postingMap, holders, matchMonth]
    .forEach(function (f) { S[f.name] = f; });
})(this.telegraphSearch);
