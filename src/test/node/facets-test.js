// Unit tests of the search page's pure logic that has no index to read: facet counts
// (templates/assets/facets.js), the address a search keeps (search-url.js), which shards can
// hold a range of tokens (search-format.js) and the plan of a query (search-query.js); the search
// files are run as search.html runs them. Usage: node facets-test.js ASSETS_DIR
'use strict';
const assert = require('assert');
const path = require('path');
const assets = process.argv[2];
const facets = require(path.resolve(assets, 'facets.js'));
const url = require(path.resolve(assets, 'search-url.js'));
const search = require('./page-scripts.js').searchPage(assets);
const test = require('./unit.js');

const hits = [{month: '2026-01', ref: 1}, {month: '2026-01', ref: 5}, {month: '2026-01', ref: 9}, {month: '2025-12', ref: 2}];

test('a topic held in every month\'s shard is counted exactly without its directory entry', () => {
  const months = {'2026-01': {refs: {'~theme/fed': [1, 5, 7]}, read: true}, '2025-12': {refs: {'~theme/fed': [2, 3]}, read: true}};
  assert.deepStrictEqual(facets.count(hits, months, {}, true), [{topic: 'theme/fed', kind: 'theme', count: 3, exact: true}]);
});

test('a topic missing from a month\'s shard is "at least" until its directory entry says it', () => {
  const months = {'2026-01': {refs: {'~source/新华社': [9]}, read: true}, '2025-12': {refs: {}, read: true}};
  assert.deepStrictEqual(facets.count(hits, months, {}, true), [{topic: 'source/新华社', kind: 'source', count: 1, exact: false}]);
  // the directory lists its few December refs in base 36 ("2" is ref 2), January's df says the shard has them
  const entry = facets.entryOf([202601, 7, 202512, '2,a']);
  assert.deepStrictEqual(facets.count(hits, months, {'~source/新华社': entry}, true),
    [{topic: 'source/新华社', kind: 'source', count: 2, exact: true}]);
  // a month the entry does not list holds none of its items
  assert.deepStrictEqual(facets.count(hits, months, {'~source/新华社': facets.entryOf([202601, 7])}, true),
    [{topic: 'source/新华社', kind: 'source', count: 1, exact: true}]);
});

test('counts are "at least" while months are unread, and sorted by count then name', () => {
  const months = {'2026-01': {refs: {'~theme/b': [1, 5], '~theme/a': [1, 9], '~theme/c': [5]}, read: true}};
  assert.deepStrictEqual(facets.count(hits, months, {}, false).map(f => [f.topic, f.count, f.exact]),
    [['theme/a', 2, false], ['theme/b', 2, false], ['theme/c', 1, false]]);
});

test('a topic none of the hits hold is not listed', () => {
  const months = {'2026-01': {refs: {'~theme/gold': [2, 3]}, read: true}, '2025-12': {refs: {}, read: true}};
  assert.deepStrictEqual(facets.count(hits, months, {}, true), []);
});

test('the facet range holds every source and theme token, and only those kinds are counted', () => {
  const inside = t => t >= facets.first && t < facets.past;
  ['~source/新华社', '~source/21世纪经济报道', '~theme/fed', '~theme/zzz'].forEach(t => assert.ok(inside(t), t));
  ['~column/早知道', 'zz*', '美联'].forEach(t => assert.ok(!inside(t), t));
  const months = {'2026-01': {refs: {'~stock/600519-sh': [1, 5, 9], '~subject/黄金': [5], '~theme/fed': [1]}, read: true}, '2025-12': {refs: {}, read: true}};
  assert.deepStrictEqual(facets.count(hits, months, {}, true).map(f => f.topic), ['theme/fed']);
});

test('the timeline lists months oldest first, a month not fully read counted as at least', () => {
  assert.deepStrictEqual(facets.timeline(['2026-02', '2026-01', '2025-12'], hits, i => i < 2), [
    {month: '2025-12', count: 1, exact: false}, {month: '2026-01', count: 3, exact: true}, {month: '2026-02', count: 0, exact: true}]);
  // a query the index tells: every month's count is known before its hits are read
  assert.deepStrictEqual(facets.timeline(['2026-02', '2026-01', '2025-12'], hits, i => i < 2,
    {'2026-02': 0, '2026-01': 3, '2025-12': 4}), [
    {month: '2025-12', count: 4, exact: true}, {month: '2026-01', count: 3, exact: true}, {month: '2026-02', count: 0, exact: true}]);
});

test('shards that can hold a token range: the one before the range\'s start and those starting inside it', () => {
  assert.deepStrictEqual(search.shardsBetween(['0'], '~source/', '~theme0'), [0]);
  assert.deepStrictEqual(search.shardsBetween(['0', '~stock/6', '中性'], '~source/', '~theme0'), [0, 1]);
  assert.deepStrictEqual(search.shardsBetween(['0', '~source/', '中性'], '~source/', '~theme0'), [1]);
  assert.deepStrictEqual(search.shardsBetween(['0', '中性', '务工'], '~source/', '~theme0'), [0]);
});

test('the address keeps the query, the filters, every topic and the page, and reads back the same', () => {
  const state = {q: '美联储 降息', sort: 'best', day: '', topics: ['theme/fed', 'source/新华社'], major: true,
    from: '2026-01-01', to: '2026-01-31', page: 3};
  const query = url.write(state);
  assert.strictEqual(query, 'q=%E7%BE%8E%E8%81%94%E5%82%A8+%E9%99%8D%E6%81%AF&sort=best&topic=theme%2Ffed&topic=source%2F%E6%96%B0%E5%8D%8E%E7%A4%BE&major=1&from=2026-01-01&to=2026-01-31&page=3');
  assert.deepStrictEqual(url.read(new URLSearchParams(query)), state);
  assert.strictEqual(url.write({q: 'x', sort: 'new', day: '', topics: [], major: false, from: '', to: '', page: 1}), 'q=x');
});

test('a malformed address is read as the defaults, not as a filter', () => {
  const got = url.read(new URLSearchParams('q=a&day=2026-1-5&topic=~theme/fed&topic=fed&topic=theme/fed&topic=theme/fed&page=-2&from=x&sort=old'));
  assert.deepStrictEqual(got, {q: 'a', sort: 'new', day: '', topics: ['theme/fed'], major: false, from: '', to: '', page: 1});
  assert.strictEqual(url.read(new URLSearchParams('page=9999')).page, url.MAX_PAGES);
  assert.strictEqual(url.read(new URLSearchParams('page=2.5')).page, 2);
});

test('a month\'s range ends on its last day', () => {
  assert.deepStrictEqual(url.monthRange('2026-02'), {from: '2026-02-01', to: '2026-02-28'});
  assert.deepStrictEqual(url.monthRange('2024-02'), {from: '2024-02-01', to: '2024-02-29'});
  assert.deepStrictEqual(url.monthRange('2025-12'), {from: '2025-12-01', to: '2025-12-31'});
});

test('every topic of the filters is a token the plan requires', () => {
  const p = search.plan('美联储', {topics: ['theme/fed', 'source/新华社']}, 10);
  assert.deepStrictEqual(p.tokens, ['美联', '联储', '~theme/fed', '~source/新华社']);
  assert.strictEqual(p.countable, false);
});

test('a query only an earlier version holds passes in that version; each text is checked on its own', () => {
  const item = search.row({id: 'b', date: '2026-01-10', time: '2026-01-11T00:41:00+08:00', level: 'C', title: '伊朗军方表示',
    body: '将捍卫国家利益', versions: [{id: 'a', time: '2026-01-10T20:36:00+08:00', title: '伊朗军方表示', body: '没有和平也没有停火'}]});
  const version = item[8][0];
  assert.deepStrictEqual(version, ['a', '2026-01-10', '2026-01-10 20:36', 'C', '伊朗军方表示', '没有和平也没有停火', '']);
  assert.strictEqual(search.accepts(item, search.plan('没有和平也没有停火', {}, 10)), version);
  assert.strictEqual(search.accepts(item, search.plan('伊朗军方 捍卫', {}, 10)), item);
  // a term in the item and another only in its version: no one text holds both
  assert.strictEqual(search.accepts(item, search.plan('捍卫 停火', {}, 10)), null);
  // the version holds 伊朗军方 without 捍卫
  assert.strictEqual(search.accepts(item, search.plan('伊朗军方 -捍卫', {}, 10)), version);
  // the filters are the item's
  assert.strictEqual(search.accepts(item, search.plan('停火', {day: '2026-01-11'}, 10)), null);
});

test('search.html\'s scripts run in its order as plain scripts, each search file adding to one namespace', () => {
  const scripts = require('./page-scripts.js').searchPageScripts(assets);
  assert.deepStrictEqual(scripts, ['search-url.js', 'facets.js', 'search-tokenizer.js', 'search-query.js',
    'search-exact.js', 'search-format.js', 'search-engine.js', 'search-load.js', 'search.js']);
  // what search.js takes from the files before it
  ['installTokenizer', 'Engine', 'decode', 'decodeLines', 'fold'].forEach(name => assert.strictEqual(typeof search[name], 'function', name));
  assert.strictEqual(search.DATA, 'data:');
  // and gives the tests: what a hit shows
  assert.strictEqual(typeof search.snippetAround, 'function');
  assert.strictEqual(typeof search.headline, 'function');
});

