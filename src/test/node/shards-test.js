// Loads every search shard of a built site with stock elasticlunr.js 0.9.5 (Index.load) and
// checks that the page's query logic (templates/assets/search.js) returns, for every query,
// exactly the hits the Java side computed (target/search-it/java-hits.json, written by
// SearchRecallTest). Every file is search/KEY.js, `telegraphSearchData("KEY",JSON);`: the test
// strips that wrapper and parses the JSON with JSON.parse (so it is plain JSON, what
// Index.load is given), and also runs the script to check that it calls back with the same data.
// Usage: node shards-test.js ELASTICLUNR_JS SEARCH_JS SITE_DIR JAVA_HITS_JSON
'use strict';
const fs = require('fs');
const path = require('path');
const vm = require('vm');
const [elasticlunrPath, searchPath, site, hitsPath] = process.argv.slice(2);
const elasticlunr = require(path.resolve(elasticlunrPath));
const search = require(path.resolve(searchPath));
search.installTokenizer(elasticlunr);
const dir = path.join(site, 'search');
const failures = [];

function walk(d) {
  return fs.readdirSync(d, {withFileTypes: true}).flatMap(e =>
    e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)]);
}

const data = new Map();
let shards = 0;
const HEAD = /^telegraphSearchData\("([^"]+)",/;
for (const file of walk(dir).filter(f => f.endsWith('.js')).sort()) {
  const key = path.relative(dir, file).replace(/\\/g, '/').replace(/\.js$/, '');
  const text = fs.readFileSync(file, 'utf8');
  const head = HEAD.exec(text);
  if (!head || head[1] !== key || !text.endsWith(');\n')) {
    failures.push(`${key}.js is not telegraphSearchData("${key}", JSON);`);
    continue;
  }
  const json = JSON.parse(text.slice(head[0].length, text.length - 3));
  let called;
  vm.runInNewContext(text, {telegraphSearchData: (k, d) => { called = {k, d}; }});
  if (!called || called.k !== key || JSON.stringify(called.d) !== JSON.stringify(json)) {
    failures.push(`${key}.js does not hand its JSON to telegraphSearchData`);
  }
  if (/\/s-\d+$/.test(key)) {
    elasticlunr.Index.load(json); // throws on an unregistered pipeline label or a malformed store
    shards++;
  }
  data.set(key, json);
}
if (fs.readdirSync(dir).length && !data.size) failures.push('no search/*.js files');
if ([...walk(dir)].some(f => f.endsWith('.json'))) failures.push('search/ holds .json files: each shard is written once, as .js');

// snippets: cut around the first hit, with an ellipsis where text is left out
const long = '甲'.repeat(100) + '英伟达发布新品' + '乙'.repeat(100);
const cut = search.snippetAround(long, ['英伟达'], 80);
if (!cut.startsWith('…') || !cut.endsWith('…') || !cut.includes('英伟达') || cut.length !== 82) {
  failures.push(`snippetAround cuts badly: ${cut}`);
}
if (search.snippetAround('短文本', ['英伟达'], 80) !== '短文本') failures.push('snippetAround changes a short text');
if (!search.snippetAround(long, ['无此词'], 80).startsWith('甲')) failures.push('snippetAround without a hit does not start at the start');

const engine = new search.Engine(key => data.has(key) ? Promise.resolve(data.get(key))
  : Promise.reject(new Error('no ' + key)), elasticlunr);
const expected = JSON.parse(fs.readFileSync(hitsPath, 'utf8'));

(async () => {
  const manifest = data.get('manifest');
  const ids = new Map();
  for (const [key, rows] of data) {
    const m = /^(\d{4}-\d{2})\/d-(\d+)$/.exec(key);
    if (m) rows.forEach((row, i) => ids.set(m[1] + '/' + (Number(m[2]) * manifest.chunk + i), row[0]));
  }
  for (const [query, want] of Object.entries(expected)) {
    const hits = await engine.searchAll(query);
    const got = hits.map(h => ids.get(h.month + '/' + h.ref));
    if (JSON.stringify(got) !== JSON.stringify(want)) {
      failures.push(`${query}: node ${got.length} hits [${got.slice(0, 3)}…], java ${want.length} [${want.slice(0, 3)}…]`);
    }
  }
  console.log(`shards-test: ${shards} shards loaded with elasticlunr ${elasticlunr.version}, ` +
    `${Object.keys(expected).length} queries compared, ${failures.length} failures`);
  failures.forEach(f => console.error('FAIL ' + f));
  process.exit(failures.length ? 1 : 0);
})().catch(e => { console.error(e); process.exit(1); });
