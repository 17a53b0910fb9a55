/* The query language (search.md): terms, the tokens they ask the index for, the text check, the score. */
(function (S) {
  'use strict';

  var TOPIC_MARK = S.TOPIC_MARK = '~';

  /**
   * Terms of a query: whitespace separates them; "…" is a phrase (one term of several words);
   * a leading - (before a word or a quote) excludes. Each term: {words, negative, phrase}, its
   * words folded. Full-width quotes and minus fold to ASCII first.
   */
  function parseQuery(query) {
    var s = S.fold(String(query || '')).replace(/[\u201C\u201D]/g, '"'), terms = [], i = 0, n = s.length;
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
      S.runs(w).forEach(function (r) {
        if (r.han) {
          for (var k = r.start; k + 1 < r.end; k++) out.push(w.substring(k, k + 2));
          return;
        }
        var word = w.substring(r.start, r.end);
        var last = wi === term.words.length - 1 && r.end === w.length;
        if (!last) out.push(S.wordToken(word, prefixMax));
        else if (word.length > 1) out.push(word.substring(0, prefixMax) + S.PREFIX_MARK);
      });
    });
    return out;
  }

  /** Whether a term is its one token exactly: two Han characters, or one word typed so far. */
  function termIsToken(term, prefixMax) {
    if (term.words.length !== 1) return false;
    var w = term.words[0], r = S.runs(w);
    if (r.length !== 1 || r[0].start !== 0 || r[0].end !== w.length) return false;
    return r[0].han ? w.length === 2 : w.length > 1 && w.length <= prefixMax;
  }

  function isGap(c) {
    return !S.isHan(c) && !S.isWord(c);
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
    var first = term.words[0], boundary = S.isWord(first.charCodeAt(0));
    for (var at = s.indexOf(first); at >= 0; at = s.indexOf(first, at + 1)) {
      if (boundary && at > 0 && S.isWord(s.charCodeAt(at - 1))) continue;
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

  /**
   * What of an item's row (search-format.js) passes the query: the row where the item's own text
   * holds it, else the latest of its earlier versions that does (found in an earlier version),
   * else null. The filters are the item's.
   */
  function accepts(row, p) {
    var f = p.filters;
    if (f.day && row[1] !== f.day) return null;
    if (f.from && row[1] < f.from) return null;
    if (f.to && row[1] > f.to) return null;
    if (f.major && row[3] === 'C') return null;
    if (holds(row, p)) return row;
    for (var k = (row[8] || []).length - 1; k >= 0; k--) if (holds(row[8][k], p)) return row[8][k];
    return null;
  }
  /** Whether one text, [id, date, when, level, title, body, rest], holds the query. */
  function holds(row, p) {
    var s = S.fold(row[4] + '\n' + row[5] + '\n' + row[6]);
    return p.positive.every(function (t) { return matches(s, t); })
      && !p.negative.some(function (t) { return matches(s, t); });
  }

  /**
   * Best-match score of an item (search.md): for each scored token, a length-normalised tf
   * (100·√(count / words), at least 1; 100 more where the item holds a prefix as a whole word)
   * times idf·100 (1 + ln(items / (df + 1)), archive-wide), all rounded to integers.
   */
  function score(row, p, stats, prefixMax) {
    var text = row[4] + '\n' + row[5] + '\n' + row[6], words = S.tokens(text), counts = {}, whole = {};
    words.forEach(function (w) { whole[w] = true; });
    S.indexTokens(text, prefixMax).forEach(function (t) { counts[t] = (counts[t] || 0) + 1; });
    var total = 0, length = Math.max(1, words.length);
    p.scored.forEach(function (t) {
      if (!counts[t]) return;
      var tf = Math.max(1, Math.round(100 * Math.sqrt(counts[t] / length)));
      if (t.charAt(t.length - 1) === S.PREFIX_MARK && whole[t.substring(0, t.length - 1)]) tf += 100;
      total += tf * stats.idf[t];
    });
    return total;
  }

  [parseQuery, termTokens, matches, plan, accepts, score].forEach(function (f) { S[f.name] = f; });
})(this.telegraphSearch);
