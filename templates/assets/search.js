/*
 * Client-side search over the index written by telegraph.search (format 6, see search.md).
 * The tokenizer below mirrors Tokenizer.java exactly: the index holds its tokens, so a query must
 * be cut the same way (src/test/resources/search/tokenizer-cases.json is checked on both sides).
 * Runs in the browser (search.html) and under Node (the Node test requires this file).
 */
(function (global) {
  'use strict';

  var PREFIX_MARK = '*';
  var TOPIC_MARK = '~';

  // ---- tokenizer (Tokenizer.java) ----
  function isHan(c) {
    return (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF);
  }
  function isWord(c) {
    return (c >= 0x61 && c <= 0x7A) || (c >= 0x30 && c <= 0x39);
  }
  /** Full-width ASCII to ASCII, then A–Z to a–z; one character for one, so positions stay. */
  function fold(text) {
    var out = '';
    for (var i = 0; i < text.length; i++) {
      var c = text.charCodeAt(i);
      if (c >= 0xFF01 && c <= 0xFF5E) c -= 0xFEE0;
      if (c >= 0x41 && c <= 0x5A) c += 32;
      out += String.fromCharCode(c);
    }
    return out;
  }
  /** Runs of a folded text: {han: bool, start, end}, Han runs of any length and [a-z0-9] runs. */
  function runs(s) {
    var out = [], i = 0, n = s.length;
    while (i < n) {
      var c = s.charCodeAt(i), end = i + 1;
      if (isHan(c)) {
        while (end < n && isHan(s.charCodeAt(end))) end++;
        out.push({han: true, start: i, end: end});
      } else if (isWord(c)) {
        while (end < n && isWord(s.charCodeAt(end))) end++;
        out.push({han: false, start: i, end: end});
      }
      i = end;
    }
    return out;
  }
  /** Bigrams and whole words in order, repeated: Tokenizer.tokens. */
  function tokens(text) {
    var s = fold(String(text)), out = [];
    runs(s).forEach(function (r) {
      if (r.han) {
        for (var k = r.start; k + 1 < r.end; k++) out.push(s.substring(k, k + 2));
      } else {
        out.push(s.substring(r.start, r.end));
      }
    });
    return out;
  }
  /** The index token of a whole word: itself when one character long, else its (capped) prefix. */
  function wordToken(word, prefixMax) {
    return word.length === 1 ? word : word.substring(0, prefixMax) + PREFIX_MARK;
  }
  /** What the index holds of a text, in order, repeated: Tokenizer.indexTokens. */
  function indexTokens(text, prefixMax) {
    var out = [];
    tokens(text).forEach(function (t) {
      if (isHan(t.charCodeAt(0)) || t.length === 1) {
        out.push(t);
      } else {
        for (var k = 2; k <= Math.min(t.length, prefixMax); k++) out.push(t.substring(0, k) + PREFIX_MARK);
      }
    });
    return out;
  }
  function isLowSurrogate(c) {
    return c >= 0xDC00 && c <= 0xDFFF;
  }

  // ---- the query language (search.md) ----
  /**
   * Terms of a query: whitespace separates them; "…" is a phrase (one term of several words);
   * a leading - (before a word or a quote) excludes. Each term: {words, negative, phrase}, its
   * words folded. Full-width quotes and minus fold to ASCII first.
   */
  function parseQuery(query) {
    var s = fold(String(query || '')).replace(/[\u201C\u201D]/g, '"'), terms = [], i = 0, n = s.length;
    while (i < n) {
      while (i < n && /\s/.test(s.charAt(i))) i++;
      if (i >= n) break;
      var negative = false;
      if (s.charAt(i) === '-' && i + 1 < n && !/\s/.test(s.charAt(i + 1))) {
        negative = true;
        i++;
      }
      var text, phrase = s.charAt(i) === '"';
      if (phrase) {
        var close = s.indexOf('"', i + 1);
        if (close < 0) close = n;
        text = s.substring(i + 1, close);
        i = close + 1;
      } else {
        var end = i;
        while (end < n && !/\s/.test(s.charAt(end))) end++;
        text = s.substring(i, end);
        i = end;
      }
      var words = text.split(/\s+/).filter(function (w) { return w.length > 0; });
      if (words.length) terms.push({words: words, negative: negative, phrase: phrase});
    }
    return terms;
  }

  /**
   * Index tokens every item matching the term must hold: the bigrams of its Han runs, and for
   * each letter/digit run its word token, or, for the run that ends the term (typed so far), the
   * prefix token; a one-character run at the end gives nothing.
   */
  function termTokens(term, prefixMax) {
    var out = [];
    term.words.forEach(function (w, wi) {
      runs(w).forEach(function (r) {
        if (r.han) {
          for (var k = r.start; k + 1 < r.end; k++) out.push(w.substring(k, k + 2));
          return;
        }
        var word = w.substring(r.start, r.end);
        var last = wi === term.words.length - 1 && r.end === w.length;
        if (!last) out.push(wordToken(word, prefixMax));
        else if (word.length > 1) out.push(word.substring(0, prefixMax) + PREFIX_MARK);
      });
    });
    return out;
  }

  /** Whether a term is its one token exactly: two Han characters, or one word typed so far. */
  function termIsToken(term, prefixMax) {
    if (term.words.length !== 1) return false;
    var w = term.words[0], r = runs(w);
    if (r.length !== 1 || r[0].start !== 0 || r[0].end !== w.length) return false;
    return r[0].han ? w.length === 2 : w.length > 1 && w.length <= prefixMax;
  }

  function isGap(c) {
    return !isHan(c) && !isWord(c);
  }
  /** Whether term's words follow `at` in s, each after one or more gap characters (a phrase). */
  function restFollows(s, words, k, at) {
    if (k === words.length) return true;
    for (var j = at; j < s.length && isGap(s.charCodeAt(j)); j++) {
      if (s.startsWith(words[k], j + 1) && restFollows(s, words, k + 1, j + 1 + words[k].length)) return true;
    }
    return false;
  }
  /**
   * Whether the folded text holds the term: its first word where no letter or digit is right
   * before a letter or digit it starts with, then each further word after a gap of spaces or
   * punctuation. Nothing is asked of what follows: a word at the end matches words it begins.
   */
  function matches(s, term) {
    var first = term.words[0], boundary = isWord(first.charCodeAt(0));
    for (var at = s.indexOf(first); at >= 0; at = s.indexOf(first, at + 1)) {
      if (boundary && at > 0 && isWord(s.charCodeAt(at - 1))) continue;
      if (restFollows(s, term.words, 1, at + first.length)) return true;
    }
    return false;
  }

  /**
   * What a query asks: {terms, positive, negative, tokens (required, in order, distinct),
   * scored (tokens scored in best-match order), indexed, countable}. filters: {day, from, to,
   * major, topics (kind/slug keys, every one required)}.
   */
  function plan(query, filters, prefixMax) {
    filters = filters || {};
    var terms = parseQuery(query), seen = {}, required = [], scored = [];
    var positive = terms.filter(function (t) { return !t.negative; });
    positive.forEach(function (t) {
      termTokens(t, prefixMax).forEach(function (tok) {
        if (!seen[tok]) {
          seen[tok] = true;
          required.push(tok);
          scored.push(tok);
        }
      });
    });
    var indexed = required.length > 0;
    var topics = filters.topics || [];
    topics.forEach(function (t) { required.push(TOPIC_MARK + t); });
    var filtered = !!(filters.day || filters.from || filters.to || filters.major || topics.length);
    return {
      terms: terms, positive: positive, negative: terms.filter(function (t) { return t.negative; }),
      tokens: required, scored: scored, indexed: indexed, filters: filters,
      countable: positive.length === 1 && terms.length === 1 && !filtered && termIsToken(positive[0], prefixMax)
    };
  }

  /** Whether an item's row [id, date, when, level, title, body, rest] passes the query. */
  function accepts(row, p) {
    var f = p.filters;
    if (f.day && row[1] !== f.day) return false;
    if (f.from && row[1] < f.from) return false;
    if (f.to && row[1] > f.to) return false;
    if (f.major && row[3] === 'C') return false;
    var s = fold(row[4] + '\n' + row[5] + '\n' + row[6]);
    return p.positive.every(function (t) { return matches(s, t); })
      && !p.negative.some(function (t) { return matches(s, t); });
  }

  /**
   * Best-match score of an item (search.md): for each scored token, a length-normalised tf
   * (100·√(count / words), at least 1; 100 more where the item holds a prefix as a whole word)
   * times idf·100 (1 + ln(items / (df + 1)), archive-wide), all rounded to integers.
   */
  function score(row, p, stats, prefixMax) {
    var text = row[4] + '\n' + row[5] + '\n' + row[6], words = tokens(text), counts = {}, whole = {};
    words.forEach(function (w) { whole[w] = true; });
    indexTokens(text, prefixMax).forEach(function (t) { counts[t] = (counts[t] || 0) + 1; });
    var total = 0, length = Math.max(1, words.length);
    p.scored.forEach(function (t) {
      if (!counts[t]) return;
      var tf = Math.max(1, Math.round(100 * Math.sqrt(counts[t] / length)));
      if (t.charAt(t.length - 1) === PREFIX_MARK && whole[t.substring(0, t.length - 1)]) tf += 100;
      total += tf * stats.idf[t];
    });
    return total;
  }

  /**
   * About `size` characters of text around the first place any of the words occurs (compared
   * after folding), with an ellipsis where the text is cut.
   */
  function snippetAround(text, words, size) {
    if (text.length <= size) return text;
    var folded = fold(text), first = -1;
    words.forEach(function (w) {
      var at = folded.indexOf(fold(w));
      if (at >= 0 && (first < 0 || at < first)) first = at;
    });
    var start = first < 0 ? 0 : Math.max(0, Math.min(first - Math.floor(size / 4), text.length - size));
    var end = start + size;
    if (isLowSurrogate(text.charCodeAt(start))) start++;
    if (end < text.length && isLowSurrogate(text.charCodeAt(end))) end--;
    return (start > 0 ? '…' : '') + text.substring(start, end) + (end < text.length ? '…' : '');
  }

  var CLOSING_MARKS = '。！？；!?;，、：,:';

  /**
   * What a hit shows of an item's row: its title, else the first clause of its body, which the
   * export's lead ends (Lead.java decides where: headline without its closing mark, with an
   * ellipsis when more follows); and the text its snippet is cut from, which goes on from there.
   */
  function headline(row) {
    var body = row[5], lead = row[7];
    if (row[4] || typeof lead !== 'number') return {title: row[4], text: body || row[4]};
    var clause = body.substring(0, lead).trim(), rest = body.substring(lead).trim();
    while (clause && CLOSING_MARKS.indexOf(clause.charAt(clause.length - 1)) >= 0) clause = clause.slice(0, -1);
    return {title: rest ? clause + '…' : clause, text: rest};
  }

  // ---- directory placement (TokenHash.java) ----
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

  /** Makes elasticlunr cut text our way; token arrays pass unchanged. */
  function installTokenizer(elasticlunr) {
    elasticlunr.tokenizer = function (str) {
      if (str === null || str === undefined) return [];
      return Array.isArray(str) ? str.slice() : tokens(str);
    };
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
   * What a search reads of an exported item: [id, date, when, level, title, body, rest, lead]
   * (SearchText.java; lead, where an untitled body's first clause ends, is for showing it only).
   * date is the window day, whose page holds the item and which the filters mean; when is what a
   * hit shows, the true date and time (an item past midnight happened on the day after date).
   */
  function row(item) {
    var rest = (item.source || '') + (item.stocks || []).map(function (s) { return ' ' + s.code; }).join('');
    var when = item.time.substring(0, 10) + ' ' + item.time.substring(11, 16);
    return [item.id, item.date, when, item.level, item.title || '', item.body || '', rest, item.lead];
  }

  /**
   * The elasticlunr 0.9.5 index a stored shard stands for (ShardWriter.java): the trie of its
   * tokens, one nested object per UTF-16 code unit, each posting {ref: {tf: count}} with refs in
   * base 36, an empty documentStore; what stock elasticlunr.Index.load takes.
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
        var colon = p.indexOf(':');
        ref += parseInt(colon < 0 ? p : p.substring(0, colon), 36);
        node.docs[ref.toString(36)] = {tf: colon < 0 ? 1 : parseInt(p.substring(colon + 1), 10)};
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
  var DATA = 'data:';

  /**
   * The query logic. load(key) returns a promise of the decoded JSON stored under search/KEY, or
   * for a key DATA + 'YYYY-MM/N' of the items of the export's chunk data/YYYY-MM/N.js; every shard
   * goes through stock elasticlunr.Index.load.
   */
  function Engine(load, elasticlunr) {
    this.load = load;
    this.elasticlunr = elasticlunr;
    this.indexes = {};
    this.manifest = load('manifest');
  }

  /** The query's plan, with the manifest's prefix length. */
  Engine.prototype.plan = function (query, filters) {
    return this.manifest.then(function (m) { return plan(query, filters, m.prefixMax); });
  };

  /**
   * What the directory says of the plan's tokens: {months, idf, bound, count}. months: those
   * holding every token, within the filters' dates, newest first, each {month, items, dfs, where,
   * shards, chunks, refs} (where[k]: token k's df, or its few refs "r,r"; shards: the first token of
   * each of the month's shards; chunks: the first ref of each text chunk; refs: the first and last
   * ref within the filters' dates). count: the exact number of
   * results where the index alone can tell it, else null; bound: at most this many.
   */
  Engine.prototype.prepare = function (p) {
    var self = this;
    return this.manifest.then(function (manifest) {
      return Promise.all(p.tokens.map(function (t) { return self.entry(t); })).then(function (lists) {
        var stride = manifest.directoryStride, dfs = {}, where = {}, totals = {}, items = 0, idf = {};
        manifest.months.forEach(function (m) { items += m.items; });
        lists.forEach(function (list, k) {
          var total = 0;
          for (var i = 0; i < list.length; i += stride) {
            var refs = list[i + 1], df = typeof refs === 'string' ? refs.split(',').length : refs;
            (dfs[list[i]] = dfs[list[i]] || [])[k] = df;
            (where[list[i]] = where[list[i]] || [])[k] = refs;
            total += df;
          }
          totals[p.tokens[k]] = total;
        });
        p.scored.forEach(function (t) { idf[t] = Math.round(100 * (1 + Math.log(items / (totals[t] + 1)))); });
        var f = p.filters, months = [], bound = 0;
        manifest.months.forEach(function (m) {
          if (f.day && m.month !== f.day.substring(0, 7)) return;
          if (f.from && m.month < f.from.substring(0, 7)) return;
          if (f.to && m.month > f.to.substring(0, 7)) return;
          var d = dfs[yyyymm(m.month)];
          for (var k = 0; k < p.tokens.length; k++) if (!d || d[k] === undefined) return;
          var refs = refRange(m, f);
          if (refs[0] > refs[1]) return;
          months.push({month: m.month, items: m.items, dfs: d, where: where[yyyymm(m.month)], shards: m.shards,
            chunks: m.chunks, refs: refs});
          bound += Math.min.apply(null, d);
        });
        return {months: months, idf: idf, bound: bound, count: p.countable ? bound : null};
      });
    });
  };

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

  /** Refs of the month's items holding token k, from the directory or the token's shard. */
  Engine.prototype.tokenRefs = function (month, t, k) {
    var where = month.where[k];
    if (typeof where === 'string') return Promise.resolve(where.split(',').map(function (r) { return parseInt(r, 36); }));
    var shard = 0;
    while (shard + 1 < month.shards.length && month.shards[shard + 1] <= t) shard++;
    var key = month.month + '/s-' + shard, self = this;
    if (!this.indexes[key]) {
      this.indexes[key] = this.load(key).then(function (shard) {
        shard.at = new Map();
        shard.tokens.forEach(function (token, i) { shard.at.set(token, i); });
        return shard;
      });
    }
    // A shard holds up to 100,000 postings, a query needs one token's: the page loads, with stock
    // Index.load, the elasticlunr index of the shard's part that holds the token, which costs a
    // few milliseconds where the whole shard cost ~70 (the Node test loads every whole shard).
    return this.indexes[key].then(function (shard) {
      var i = shard.at.get(t);
      if (i === undefined) return [];
      var index = self.elasticlunr.Index.load(expandShard({tokens: [t], postings: [shard.postings[i]], items: shard.items}));
      var docs = index.index[index.getFields()[0]].getDocs(t);
      return Object.keys(docs).map(function (r) { return parseInt(r, 36); });
    });
  };

  /** Indexes of the shards, given the first token of each, that can hold tokens in [lo, hi). */
  function shardsBetween(firsts, lo, hi) {
    var out = [];
    firsts.forEach(function (first, i) {
      var next = firsts[i + 1];
      if (first < hi && (next === undefined || next > lo)) out.push(i);
    });
    return out;
  }

  /**
   * The refs of every token in [lo, hi) that the month's shards hold, {token: [ref]}: tokens held
   * by at most 3 of the month's items are only in the directory (entry()).
   */
  Engine.prototype.tokensBetween = function (month, lo, hi) {
    var self = this;
    return Promise.all(shardsBetween(month.shards, lo, hi).map(function (n) {
      return self.load(month.month + '/s-' + n);
    })).then(function (shards) {
      var out = {};
      shards.forEach(function (shard) {
        var tokens = [], postings = [];
        shard.tokens.forEach(function (t, i) {
          if (t >= lo && t < hi) {
            tokens.push(t);
            postings.push(shard.postings[i]);
          }
        });
        if (!tokens.length) return;
        var index = self.elasticlunr.Index.load(expandShard({tokens: tokens, postings: postings, items: shard.items}));
        var field = index.index[index.getFields()[0]];
        tokens.forEach(function (t) {
          out[t] = Object.keys(field.getDocs(t)).map(function (r) { return parseInt(r, 36); });
        });
      });
      return out;
    });
  };

  /** A token's directory entry: [yyyymm, df or "refs", …], newest first. */
  Engine.prototype.entry = function (token) {
    var self = this;
    return this.manifest.then(function (m) {
      return self.load('dir/' + bucket(token, m.directoryBuckets)).then(function (dir) { return bucketEntries(dir, token); });
    });
  };

  /**
   * The month's candidates, newest first: items holding every token. When the rarest token's
   * refs are in the directory, those few are the candidates (their text is checked anyway), and
   * no shard is read for the query's words; a topic's token is always read, as no text tells it.
   */
  Engine.prototype.candidates = function (month, p) {
    var rarest = 0;
    month.dfs.forEach(function (df, k) { if (df < month.dfs[rarest]) rarest = k; });
    var self = this;
    var wanted = p.tokens.map(function (t, k) { return k; });
    if (typeof month.where[rarest] === 'string') {
      wanted = wanted.filter(function (k) { return k === rarest || p.tokens[k].charAt(0) === TOPIC_MARK; });
    }
    return Promise.all(wanted.map(function (k) { return self.tokenRefs(month, p.tokens[k], k); })).then(function (lists) {
      var refs = lists[0];
      for (var i = 1; i < lists.length; i++) {
        var has = {};
        lists[i].forEach(function (r) { has[r] = true; });
        refs = refs.filter(function (r) { return has[r]; });
      }
      return refs.filter(function (r) { return r >= month.refs[0] && r <= month.refs[1]; })
        .sort(function (a, b) { return b - a; });
    });
  };

  /** A chunk of a month's text, the export's: rows [id, date, when, level, title, body, rest, lead]. */
  Engine.prototype.chunk = function (month, n) {
    return this.load(DATA + month + '/' + n).then(function (items) { return items.map(row); });
  };

  /**
   * A search in progress: hits come newest first as months and their chunks are read.
   * next(want) reads until `want` hits are known or all are; hits are {month, ref, row, score}.
   */
  /** Candidates checked at least at a time. */
  var BATCH = 10;

  function Search(engine, p, prepared) {
    this.engine = engine;
    this.plan = p;
    this.prepared = prepared;
    this.hits = [];
    this.month = 0; // next month to read
    this.queue = []; // candidates of the month being read, newest first
    this.done = !p.indexed || prepared.months.length === 0;
    this.monthsRead = 0;
  }
  Search.prototype.next = function (want) {
    var self = this;
    // one reader at a time: the page's next page and its background count share the queue
    this.reading = (this.reading || Promise.resolve()).then(function () { return self.step(want); });
    return this.reading;
  };
  Search.prototype.step = function (want) {
    var self = this;
    if (this.done || this.hits.length >= want) return Promise.resolve(this.hits);
    if (!this.queue.length) {
      if (this.month >= this.prepared.months.length) {
        this.done = true;
        return Promise.resolve(this.hits);
      }
      var month = this.prepared.months[this.month++];
      return this.engine.candidates(month, this.plan).then(function (refs) {
        self.queue = refs.map(function (r) {
          var n = 0;
          while (n + 1 < month.chunks.length && month.chunks[n + 1] <= r) n++;
          return {month: month.month, ref: r, chunk: n, row: r - month.chunks[n]};
        });
        if (!refs.length) self.monthsRead++;
        return self.step(want);
      });
    }
    // the next candidates, as many as hits are still wanted (at least a page), their chunks read
    // side by side: a page's few hits are spread over several chunks
    var batch = this.queue.splice(0, Math.min(this.queue.length, Math.max(BATCH, want - this.hits.length)));
    var chunks = {};
    batch.forEach(function (c) {
      if (!chunks[c.chunk]) chunks[c.chunk] = self.engine.chunk(c.month, c.chunk);
    });
    return Promise.all(batch.map(function (c) { return chunks[c.chunk]; })).then(function (rows) {
      batch.forEach(function (c, i) {
        var row = rows[i][c.row];
        if (accepts(row, self.plan)) self.hits.push({month: c.month, ref: c.ref, row: row});
      });
      if (!self.queue.length) self.monthsRead++;
      return self.step(want);
    });
  };
  /** Every hit, scored, in the given order: 'new' (newest first) or 'best'. */
  Search.prototype.all = function (sort) {
    var self = this;
    return this.next(Infinity).then(function (hits) {
      var prefixMax = null;
      return self.engine.manifest.then(function (m) {
        prefixMax = m.prefixMax;
        hits.forEach(function (h) { h.score = score(h.row, self.plan, self.prepared, prefixMax); });
        return sorted(hits, sort);
      });
    });
  };
  function sorted(hits, sort) {
    var out = hits.slice();
    out.sort(function (a, b) {
      return (sort === 'best' ? b.score - a.score : 0) || (a.month < b.month ? 1 : a.month > b.month ? -1 : b.ref - a.ref);
    });
    return out;
  }

  /** Starts a search: a promise of a Search, or of null when nothing in the query is indexed. */
  Engine.prototype.search = function (query, filters) {
    var self = this;
    return this.plan(query, filters).then(function (p) {
      return self.prepare(p).then(function (prepared) { return new Search(self, p, prepared); });
    });
  };

  /** Every hit of the query in order, with the count (used by the tests). */
  Engine.prototype.searchAll = function (query, filters, sort) {
    return this.search(query, filters).then(function (s) {
      return s.all(sort).then(function (hits) { return {hits: hits, count: hits.length, indexCount: s.prepared.count}; });
    });
  };

  var api = {tokens: tokens, indexTokens: indexTokens, parseQuery: parseQuery, termTokens: termTokens, plan: plan,
    matches: matches, fold: fold, installTokenizer: installTokenizer, Engine: Engine, decode: decode, decodeLines: decodeLines, DATA: DATA, bucketEntries: bucketEntries, expandShard: expandShard,
    snippetAround: snippetAround, headline: headline, shardsBetween: shardsBetween};
  if (typeof module === 'object' && module.exports) module.exports = api;
  if (typeof document === 'undefined') return;

  // ---- the page ----
  var PAGE = 20;
  var SNIPPET_CHARS = 80;
  var DEBOUNCE_MS = 200;
  var BACKGROUND_MONTHS = 24;
  /** Values shown per facet kind; their directory entries are read to make their counts exact. */
  var FACET_VALUES = 8;
  /** How near the end of the list (px) scrolling shows the next page. */
  var SCROLL_AHEAD = 600;
  var page = document.getElementById('search');
  var Url = global.telegraphSearchUrl, Facets = global.telegraphFacets;
  if (!page || !global.elasticlunr || !Url || !Facets) return;
  var root = page.getAttribute('data-root') || '';
  installTokenizer(global.elasticlunr);

  /**
   * Every file of the index is a script, search/KEY.js, that calls telegraphSearchData(KEY, "…"),
   * and every chunk of the export, data/KEY.js, one that calls telegraphData(KEY, "…").
   * From file://, where fetch() is blocked, a <script> tag runs it. Over HTTP the page fetches the
   * same file and takes the string between the quotes: the same data either way.
   */
  var pending = {};
  function receiver(prefix) {
    return function (key, data) {
      if (pending[prefix + key]) {
        pending[prefix + key].resolve(data);
        delete pending[prefix + key];
      }
    };
  }
  global.telegraphSearchData = receiver('');
  global.telegraphData = receiver(DATA);
  var viaFetch = /^https?:$/.test(location.protocol) && typeof fetch === 'function';

  function fetchPiece(url) {
    return fetch(url).then(function (response) {
      if (!response.ok) throw new Error('cannot load ' + url + ' (' + response.status + ')');
      return response.text();
    }).then(function (text) {
      var end = text.lastIndexOf('"');
      return text.substring(text.lastIndexOf('"', end - 1) + 1, end);
    });
  }

  function scriptPiece(key, url) {
    return new Promise(function (resolve, reject) {
      pending[key] = {resolve: resolve};
      var script = document.createElement('script');
      script.src = url;
      script.onload = function () {
        script.remove();
        if (pending[key]) {
          delete pending[key];
          reject(new Error('no data in ' + url));
        }
      };
      script.onerror = function () {
        script.remove();
        delete pending[key];
        reject(new Error('cannot load ' + url));
      };
      document.head.appendChild(script);
    });
  }

  var cache = {};
  function load(key) {
    if (!cache[key]) {
      var data = key.indexOf(DATA) === 0;
      var url = root + (data ? 'data/' + key.substring(DATA.length) : 'search/' + key) + '.js';
      cache[key] = (viaFetch ? fetchPiece(url) : scriptPiece(key, url)).then(data ? decodeLines : decode).catch(function (e) {
        delete cache[key]; // a failed file may be asked for again
        throw e;
      });
    }
    return cache[key];
  }
  var engine = new Engine(load, global.elasticlunr);

  var box = document.getElementById('search-q');
  var major = document.getElementById('search-major');
  var from = document.getElementById('search-from');
  var to = document.getElementById('search-to');
  var sortBox = document.getElementById('search-sort');
  var scope = document.getElementById('search-scope');
  var status = document.getElementById('search-status');
  var position = document.getElementById('search-position');
  var facetBox = document.getElementById('search-facets');
  var list = document.getElementById('search-results');
  var more = document.getElementById('search-more');
  var hint = status.textContent;
  var topicNames = {};
  Array.prototype.forEach.call(document.querySelectorAll('#search-topic-names option'), function (o) {
    topicNames[o.value] = o.textContent;
  });
  /** TopicKind's labels: a scope chip names any kind, the facets themes and sources. */
  var KIND_NAMES = {theme: '主题', source: '来源', stock: '证券', column: '栏目', subject: '财联社题材'};

  var initial = Url.read(new URLSearchParams(location.search));
  box.value = initial.q;
  major.checked = initial.major;
  from.value = initial.from;
  to.value = initial.to;
  sortBox.value = initial.sort;
  var day = initial.day;
  var topics = initial.topics;
  var pages = initial.page;

  function topicLabel(topic) {
    var kind = topic.substring(0, topic.indexOf('/')), slug = topic.substring(kind.length + 1);
    return (KIND_NAMES[kind] || kind) + ' ' + (topicNames[topic] || slug);
  }

  function chip(text, title, onClick) {
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'search-chip';
    button.textContent = text;
    button.title = title;
    button.addEventListener('click', onClick);
    return button;
  }

  function showScope() {
    scope.textContent = '';
    if (day) {
      scope.appendChild(chip('仅搜索 ' + day + ' ×', '去掉这个范围', function () {
        day = '';
        restart();
      }));
    }
    topics.forEach(function (t) {
      scope.appendChild(chip('仅搜索' + topicLabel(t) + ' ×', '去掉这个范围', function () {
        topics = topics.filter(function (other) { return other !== t; });
        restart();
      }));
    });
  }

  var state = null;
  var generation = 0;

  function filters() {
    return {day: day, topics: topics, major: major.checked, from: from.value, to: to.value};
  }

  function highlight(element, text, words) {
    var escaped = words.map(function (w) { return w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'); });
    var parts = escaped.length ? text.split(new RegExp('(' + escaped.join('|') + ')', 'i')) : [text];
    parts.forEach(function (part, i) {
      if (i % 2 === 1) {
        var mark = document.createElement('mark');
        mark.textContent = part;
        element.appendChild(mark);
      } else if (part) {
        element.appendChild(document.createTextNode(part));
      }
    });
  }

  function hitItem(row, words) {
    var li = document.createElement('li');
    li.className = 'search-hit' + (row[3] !== 'C' ? ' major' : '');
    li.setAttribute('data-id', row[0]);
    var a = document.createElement('a');
    var date = row[1];
    a.href = root + date.substring(0, 4) + '/' + date.substring(5, 7) + '/' + date + '.html#' + row[0];
    var when = document.createElement('span');
    when.className = 'when';
    when.textContent = row[2] + (row[3] !== 'C' ? ' 重磅' : '');
    a.appendChild(when);
    var title = document.createElement('span');
    title.className = 'title';
    var shown = headline(row);
    highlight(title, shown.title, words);
    a.appendChild(title);
    li.appendChild(a);
    if (shown.text) {
      var p = document.createElement('p');
      highlight(p, snippetAround(shown.text, words, SNIPPET_CHARS), words);
      li.appendChild(p);
    }
    return li;
  }

  function words(s) {
    var out = [];
    s.search.plan.positive.forEach(function (t) { out.push.apply(out, t.words); });
    return out;
  }

  /** The status line: the exact count when known, else the bounds so far. */
  function showStatus(s) {
    var order = sortBox.value === 'best' ? '按相关度排列' : '按时间从新到旧排列';
    var known = s.search.done ? s.search.hits.length : s.search.prepared.count;
    if (known !== null && known !== undefined) {
      status.textContent = '共 ' + known + ' 条' + (known ? '，' + order + '。' : '。');
    } else {
      status.textContent = '至少 ' + s.search.hits.length + ' 条，至多 ' + s.search.prepared.bound + ' 条（' +
        (s.reading ? '核对中，' : '') + '已核对 ' + s.search.monthsRead + '/' + s.search.prepared.months.length + ' 个月），' + order + '。';
      if (!s.reading) {
        var all = document.createElement('button');
        all.type = 'button';
        all.className = 'search-count-all';
        all.textContent = '统计全部';
        all.addEventListener('click', function () {
          s.limit = Infinity;
          background(s);
        });
        status.appendChild(all);
      }
    }
    showPosition();
    showFacets(s);
  }

  /** Which results are on the screen, 第 a–b 条: the first and last hit in view. */
  function showPosition() {
    var hits = list.children, n = hits.length, bar = position.parentNode.getBoundingClientRect().top;
    var first = -1, last = -1;
    for (var i = 0; i < n; i++) {
      var r = hits[i].getBoundingClientRect();
      if (r.bottom <= 0) continue;
      if (r.top >= bar) break;
      if (first < 0) first = i;
      last = i;
    }
    position.textContent = first < 0 ? '' : '第 ' + (first + 1) + (last > first ? '–' + (last + 1) : '') + ' 条';
  }

  /** Shows hits up to s.shown; newest-first pages come as soon as they are read. */
  function showPage(s) {
    list.setAttribute('aria-busy', 'true');
    s.paging = true;
    var ready = sortBox.value === 'best'
      ? (s.best || (s.best = s.search.all('best'))) : s.search.next(s.shown).then(function (h) { return h; });
    return ready.then(function (hits) {
      if (s !== state) return;
      var w = words(s);
      hits.slice(s.rendered, s.shown).forEach(function (h) { list.appendChild(hitItem(h.row, w)); });
      s.rendered = Math.min(s.shown, hits.length);
      more.hidden = s.search.done ? hits.length <= s.shown : false;
      list.setAttribute('aria-busy', 'false');
      s.paging = false;
      showStatus(s);
      if (!s.search.done && s.search.prepared.count === null) background(s);
    });
  }

  function nextPage() {
    var s = state;
    if (!s || s.paging || more.hidden) return;
    s.shown += PAGE;
    pages = s.shown / PAGE;
    updateUrl();
    showPage(s);
  }

  /**
   * After the first page, reads on (newest first) until the count is exact, or until it has read
   * BACKGROUND_MONTHS months: past that the status offers to count all (a common multi-word query
   * over ten years would read most of the text store).
   */
  function background(s) {
    if (s.reading) return;
    s.reading = true;
    (function step() {
      if (s !== state || s.search.done || s.search.monthsRead >= s.limit) {
        s.reading = false;
        if (s === state) {
          showStatus(s);
          more.hidden = s.search.done && s.search.hits.length <= s.shown;
        }
        return;
      }
      s.search.next(s.search.hits.length + PAGE).then(function () {
        if (s === state) showStatus(s);
        step();
      });
    })();
  }

  // ---- facets: counts of the hits read so far (facets.js), their topic tokens read once per month ----
  var monthTopics = {};
  var entries = {};

  function topicsOf(month) {
    if (!monthTopics[month.month]) monthTopics[month.month] = engine.tokensBetween(month, Facets.first, Facets.past);
    return monthTopics[month.month];
  }
  function entryOf(token) {
    if (!entries[token]) entries[token] = engine.entry(token).then(Facets.entryOf);
    return entries[token];
  }

  /**
   * Counts what is read so far; once every candidate is checked, reads the directory entries of the
   * values shown (a few small files) so that their counts become exact, and counts again.
   */
  function showFacets(s) {
    if (s.facets) {
      s.facetsAgain = true;
      return;
    }
    var search = s.search, read = search.monthsRead, months = search.prepared.months.slice(0, read);
    var hits = search.hits.slice(), done = search.done;
    s.facets = Promise.all(months.map(topicsOf)).then(function (refs) {
      var known = {};
      months.forEach(function (m, i) { known[m.month] = {refs: refs[i], read: true}; });
      var shown = pick(Facets.count(hits, known, {}, done));
      if (!done) return shown;
      var tokens = shown.map(function (f) { return '~' + f.topic; });
      return Promise.all(tokens.map(entryOf)).then(function (list) {
        var got = {};
        tokens.forEach(function (t, i) { got[t] = list[i]; });
        return pick(Facets.count(hits, known, got, done));
      });
    }).then(function (shown) {
      if (s !== state) return;
      renderFacets(s, shown, Facets.timeline(search.prepared.months.map(function (m) { return m.month; }), hits,
        function (i) { return i < read; }));
    }).catch(function (e) {
      if (s === state) facetBox.textContent = '分类统计失败：' + e.message;
    }).then(function () {
      s.facets = null;
      if (s.facetsAgain && s === state) {
        s.facetsAgain = false;
        showFacets(s);
      }
    });
  }

  /** The FACET_VALUES most frequent values of each kind, most first. */
  function pick(counts) {
    var per = {};
    return counts.filter(function (f) {
      per[f.kind] = (per[f.kind] || 0) + 1;
      return per[f.kind] <= FACET_VALUES;
    });
  }

  function countText(n, exact) {
    return exact ? String(n) : '至少 ' + n;
  }

  function facetButton(label, n, exact, pressed, onClick) {
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'facet';
    button.setAttribute('aria-pressed', pressed ? 'true' : 'false');
    var name = document.createElement('span');
    name.textContent = label;
    var count = document.createElement('span');
    count.className = 'facet-count';
    count.textContent = countText(n, exact);
    button.appendChild(name);
    button.appendChild(count);
    button.addEventListener('click', onClick);
    return button;
  }

  function facetRow(title, kind) {
    var row = document.createElement('div');
    row.className = 'facet-row';
    row.setAttribute('data-kind', kind);
    var h = document.createElement('span');
    h.className = 'facet-title';
    h.textContent = title;
    row.appendChild(h);
    facetBox.appendChild(row);
    return row;
  }

  function renderFacets(s, values, months) {
    facetBox.textContent = '';
    facetBox.hidden = !s.search.hits.length;
    ['theme', 'source'].forEach(function (kind) {
      var mine = values.filter(function (f) { return f.kind === kind; });
      if (!mine.length) return;
      var row = facetRow(KIND_NAMES[kind], kind);
      mine.forEach(function (f) {
        var on = topics.indexOf(f.topic) >= 0;
        var button = facetButton(topicNames[f.topic] || f.topic.substring(kind.length + 1), f.count, f.exact, on, function () {
          topics = on ? topics.filter(function (t) { return t !== f.topic; }) : topics.concat([f.topic]);
          restart();
        });
        button.setAttribute('data-topic', f.topic);
        row.appendChild(button);
      });
    });
    var most = Math.max.apply(null, months.map(function (m) { return m.count; }).concat([1]));
    var row = facetRow('按月', 'month');
    months.forEach(function (m) {
      var range = Url.monthRange(m.month), on = from.value === range.from && to.value === range.to;
      var button = facetButton(m.month, m.count, m.exact, on, function () {
        from.value = on ? '' : range.from;
        to.value = on ? '' : range.to;
        restart();
      });
      button.setAttribute('data-month', m.month);
      var bar = document.createElement('span');
      bar.className = 'facet-bar';
      bar.style.width = Math.round(100 * m.count / most) + '%';
      button.insertBefore(bar, button.firstChild);
      row.appendChild(button);
    });
  }

  function updateUrl() {
    var query = Url.write({q: box.value, sort: sortBox.value, day: day, topics: topics, major: major.checked,
      from: from.value, to: to.value, page: pages});
    try {
      history.replaceState(null, '', location.pathname + (query ? '?' + query : ''));
    } catch (e) {
      // some browsers refuse replaceState on file:// pages; the search still works
    }
  }

  /** A new search from its first page: what the reader changed made the old pages meaningless. */
  function restart() {
    pages = 1;
    showScope();
    return run();
  }

  function run() {
    var my = ++generation;
    updateUrl();
    list.textContent = '';
    facetBox.textContent = '';
    facetBox.hidden = true;
    position.textContent = '';
    more.hidden = true;
    state = null;
    if (!box.value.trim()) {
      list.setAttribute('aria-busy', 'false');
      status.textContent = hint;
      return Promise.resolve();
    }
    status.textContent = '搜索中…';
    return engine.search(box.value, filters()).then(function (search) {
      if (my !== generation) return;
      if (!search.plan.indexed) {
        list.setAttribute('aria-busy', 'false');
        status.textContent = '请至少输入两个相连的汉字，或一个英文词、数字、股票代码（单个汉字或字母只能与其他词一起搜索）。';
        return;
      }
      state = {search: search, shown: PAGE * pages, rendered: 0, limit: BACKGROUND_MONTHS};
      return showPage(state);
    }).catch(function (e) {
      if (my !== generation) return;
      status.textContent = '搜索失败：' + e.message;
      list.setAttribute('aria-busy', 'false');
    });
  }

  var timer = null;
  function debounced() {
    clearTimeout(timer);
    timer = setTimeout(restart, DEBOUNCE_MS);
  }
  var scrolled = false;
  global.addEventListener('scroll', function () {
    if (scrolled) return;
    scrolled = true;
    global.requestAnimationFrame(function () {
      scrolled = false;
      showPosition();
      if (list.getBoundingClientRect().bottom < global.innerHeight + SCROLL_AHEAD) nextPage();
    });
  });
  showScope();
  box.addEventListener('input', debounced);
  [major, from, to, sortBox].forEach(function (el) { el.addEventListener('change', restart); });
  more.addEventListener('click', nextPage);
  box.form.addEventListener('submit', function (e) {
    e.preventDefault();
    var first = list.querySelector('a');
    if (first) location.href = first.href; else restart();
  });
  // "/" focuses the box: site.js does that on every page
  run();
})(this);
