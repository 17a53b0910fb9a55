/*
 * The first of the search scripts (their order and jobs: search.md), which share one global,
 * telegraphSearch. This one cuts text as Tokenizer.java does (both run tokenizer-cases.json).
 */
(function (S) {
  'use strict';

  var PREFIX_MARK = S.PREFIX_MARK = '*';

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

  /** Makes elasticlunr cut text our way; token arrays pass unchanged. */
  function installTokenizer(elasticlunr) {
    elasticlunr.tokenizer = function (str) {
      if (str === null || str === undefined) return [];
      return Array.isArray(str) ? str.slice() : tokens(str);
    };
  }

  [isHan, isWord, fold, runs, tokens, wordToken, indexTokens, installTokenizer].forEach(function (f) { S[f.name] = f; });
})(this.telegraphSearch = this.telegraphSearch || {});
