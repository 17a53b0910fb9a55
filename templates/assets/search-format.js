/* The index's files decoded (format 7, search.md "Files"): directory buckets, shards, the manifest, the export. */
(function (S) {
  'use strict';

  /** A token's directory bucket (TokenHash.java). */
  function hash(token) {
    var h = 0x811C9DC5 | 0;
    for (var i = 0; i < token.length; i++) {
      h ^= token.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
    return h;
  }
  function bucket(token, buckets) {
    return hash(token) & (buckets - 1);
  }

  /** The text inside a piece's base64, inflated by the platform's DecompressionStream ('deflate' or 'gzip'). */
  function inflate(base64, format) {
    var binary = atob(base64), bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream(format))).text();
  }

  /** The JSON a search piece holds: base64 of deflate (zlib). */
  function decode(base64) {
    return inflate(base64, 'deflate').then(JSON.parse);
  }

  /** The items an export chunk holds (data/YYYY-MM/N.js): base64 of gzip of JSON Lines. */
  function decodeLines(base64) {
    return inflate(base64, 'gzip').then(function (text) {
      return text.split('\n').filter(function (line) { return line; }).map(JSON.parse);
    });
  }

  /**
   * What a search reads of an exported item: [id, date, when, level, title, body, rest, lead,
   * versions] (SearchText.java; lead, where an untitled body's first clause ends, is for showing it
   * only; versions, its earlier versions, oldest first, each [id, date, when, level, title, body,
   * source]). date is the window day, whose page holds the item and which the filters mean; when is
   * what a hit shows, the true date and time (an item past midnight happened on the day after date).
   */
  function row(item) {
    var rest = (item.source || '') + (item.stocks || []).map(function (s) { return ' ' + s.code; }).join('');
    return [item.id, item.date, when(item.time), item.level, item.title || '', item.body || '', rest, item.lead,
      (item.versions || []).map(function (v) {
        return [v.id, item.date, when(v.time), item.level, v.title || '', v.body || '', v.source || ''];
      })];
  }
  function when(time) {
    return time.substring(0, 10) + ' ' + time.substring(11, 16);
  }

  /**
   * The elasticlunr 0.9.5 index a stored shard stands for (ShardWriter.java): the trie of its
   * tokens, one nested object per UTF-16 code unit, each posting {ref: {tf: count}} with refs in
   * base 36 (S.posting reads the count), an empty
   * documentStore; what stock elasticlunr.Index.load takes.
   */
  function expandShard(shard) {
    var root = {docs: {}, df: 0};
    shard.tokens.forEach(function (token, i) {
      var node = root;
      for (var k = 0; k < token.length; k++) {
        var c = token.charAt(k);
        if (!node.hasOwnProperty(c)) node[c] = {docs: {}, df: 0};
        node = node[c];
      }
      var ref = 0, df = 0;
      shard.postings[i].split(',').forEach(function (p) {
        var parsed = S.posting(p);
        ref += parsed[0];
        node.docs[ref.toString(36)] = {tf: parsed[1]};
        df++;
      });
      node.df = df;
    });
    return {version: '0.9.5', fields: ['b'], ref: 'r', documentStore: {docs: {}, docInfo: {}, length: shard.items, save: false},
      index: {b: {root: root}}, pipeline: []};
  }

  function yyyymm(month) {
    return parseInt(month.replace('-', ''), 10);
  }

  /**
   * A token's months in a directory bucket, newest first, as [yyyymm, df or "refs", …]. A bucket
   * is {tokens, entries}: line i of entries holds token i's months, "yyyymm=df" or "yyyymm:refs"
   * (TokenDirectory.java, BucketText.java). Its lines are looked up by token once per bucket.
   */
  function bucketEntries(dir, token) {
    if (!dir.lines) {
      var tokens = dir.tokens ? dir.tokens.split('\n') : [], entries = dir.entries.split('\n');
      dir.lines = {};
      tokens.forEach(function (t, i) { dir.lines[t] = entries[i]; });
    }
    if (!Object.prototype.hasOwnProperty.call(dir.lines, token)) return [];
    var list = [];
    dir.lines[token].split(' ').forEach(function (e) {
      list.push(parseInt(e.substring(0, 6), 10), e.charAt(6) === ':' ? e.substring(7) : parseInt(e.substring(7), 10));
    });
    return list;
  }

  /** What starts the key of an export chunk, for load(). */
  var DATA = S.DATA = 'data:';

  /** The refs [first, last] of a month's items within the filters' dates (refs are in time order). */
  function refRange(m, f) {
    var first = Infinity, last = -1;
    for (var i = 0; i < m.days.length; i += 3) {
      var date = m.month + '-' + ('0' + m.days[i]).slice(-2);
      if ((f.day && date !== f.day) || (f.from && date < f.from) || (f.to && date > f.to)) continue;
      first = Math.min(first, m.days[i + 1]);
      last = Math.max(last, m.days[i + 2]);
    }
    return [first, last];
  }

  /** Indexes of the shards, given the first token of each, that can hold tokens in [lo, hi). */
  function shardsBetween(firsts, lo, hi) {
    var out = [];
    firsts.forEach(function (first, i) {
      var next = firsts[i + 1];
      if (first < hi && (next === undefined || next > lo)) out.push(i);
    });
    return out;
  }

  [bucket, decode, decodeLines, row, expandShard, yyyymm, bucketEntries, refRange, shardsBetween]
    .forEach(function (f) { S[f.name] = f; });
})(this.telegraphSearch = this.telegraphSearch || {});
