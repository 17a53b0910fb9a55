// Unit tests of the search tokenizer (templates/assets/search-tokenizer.js), run alone as a plain
// script: it must cut text as Tokenizer.java does, since the index holds the Java tokenizer's tokens.
// Runs the shared table (src/test/resources/search/tokenizer-cases.json, also run by
// TokenizerTest in Java) and cases of its own. Usage: node tokenizer-test.js ASSETS_DIR CASES_JSON
'use strict';
const assert = require('assert');
const fs = require('fs');
const before = new Set(Object.keys(globalThis));
const [assets, casesPath] = process.argv.slice(2);
const t = require('./page-scripts.js').run(assets, 'search-tokenizer.js');
const test = require('./unit.js');

test('it adds one global, telegraphSearch, and needs no other script', () => {
  assert.deepStrictEqual(Object.keys(globalThis).filter(k => !before.has(k)), ['telegraphSearch']);
  assert.strictEqual(t, globalThis.telegraphSearch);
});

test('a Han run gives its overlapping bigrams, a letter or digit run one word', () => {
  assert.deepStrictEqual(t.tokens('英伟达发布HBM4'), ['英伟', '伟达', '达发', '发布', 'hbm4']);
  assert.deepStrictEqual(t.tokens('贵州茅台(600519.SH)'), ['贵州', '州茅', '茅台', '600519', 'sh']);
});

test('a lone Han character gives nothing, a lone letter is a word', () => {
  assert.deepStrictEqual(t.tokens('金 价格'), ['价格']);
  assert.deepStrictEqual(t.tokens('A股'), ['a']);
});

test('full-width ASCII and capitals fold, one character for one; nothing else folds', () => {
  assert.strictEqual(t.fold('ＡＩ６００５１９ Nvidia'), 'ai600519 nvidia');
  assert.strictEqual(t.fold('Ｈ股，“中国”。'), 'h股,“中国”。'); // full-width comma is ASCII's; 。 and “” stay
  const text = 'ＡＢＣ英伟达';
  assert.strictEqual(t.fold(text).length, text.length);
  assert.deepStrictEqual(t.tokens('ＡＩ芯片'), ['ai', '芯片']);
});

test('a character outside the BMP separates tokens', () => {
  assert.deepStrictEqual(t.tokens('英伟\uD842\uDFB7达到'), ['英伟', '达到']);
  assert.deepStrictEqual(t.tokens('ai\uD83D\uDE80hbm'), ['ai', 'hbm']);
});

test('runs are positions in the folded text', () => {
  assert.deepStrictEqual(t.runs('ab 中文x'), [{han: false, start: 0, end: 2}, {han: true, start: 3, end: 5}, {han: false, start: 5, end: 6}]);
});

test('the index holds a word\'s prefixes of 2 to prefixMax characters, marked *; a one-letter word as it is', () => {
  assert.deepStrictEqual(t.indexTokens('a HBM4 芯片', 10), ['a', 'hb*', 'hbm*', 'hbm4*', '芯片']);
  assert.deepStrictEqual(t.indexTokens('abcdefghijkl', 3), ['ab*', 'abc*']);
  assert.strictEqual(t.wordToken('a', 10), 'a');
  assert.strictEqual(t.wordToken('nvidia', 3), 'nvi*');
  assert.strictEqual(t.wordToken('hbm4', 10), 'hbm4*');
});

test('elasticlunr is made to cut text this way; token arrays pass as a copy', () => {
  const lunr = {};
  t.installTokenizer(lunr);
  assert.deepStrictEqual(lunr.tokenizer('英伟达 HBM'), ['英伟', '伟达', 'hbm']);
  assert.deepStrictEqual(lunr.tokenizer(null), []);
  assert.deepStrictEqual(lunr.tokenizer(undefined), []);
  const list = ['hb*', '英伟'];
  assert.notStrictEqual(lunr.tokenizer(list), list);
  assert.deepStrictEqual(lunr.tokenizer(list), list);
});

test('the shared table, the same as in Java', () => {
  const cases = JSON.parse(fs.readFileSync(casesPath, 'utf8'));
  assert.ok(cases.length >= 5, 'cases: ' + cases.length);
  for (const c of cases) {
    assert.deepStrictEqual(t.tokens(c.text), c.tokens, 'tokens of ' + c.text);
    assert.deepStrictEqual(t.indexTokens(c.text, 10), c.index, 'index tokens of ' + c.text);
  }
});

