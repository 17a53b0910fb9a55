// Decodes every piece of a built site's search index as the page does, expands every shard into the
// elasticlunr index it stands for and loads it with stock elasticlunr.js 0.9.5 (Index.load), runs the shared tokenizer table through the page's
// tokenizer, and checks that the page's search (templates/assets/search-*.js, run as search.html runs them) gives, for every
// query of src/test/resources/search/queries.json in both orders, exactly the ids and the count
// the brute force of SearchRecallTest found (target/search-it/expected.json), and the same hits
// found only in an earlier version of their item; and that the first
// page (20 hits, as search.js, the page, shows it) of each newest-first
// query the index answers exactly reads under 1 MB; and, the index having positions, that every
// query search-exact.js covers gets its exact total and each month's count from the index alone
// (no text chunk read), equal to brute force.
// Every file is search/KEY.js, `telegraphSearchData("KEY","<base64 of deflate>");`, and the text is the
// export's: data/YYYY-MM/N.js, `telegraphData("YYYY-MM/N","<base64 of gzip of JSON Lines>");`.
// Usage: node shards-test.js ELASTICLUNR_JS ASSETS_DIR SITE_DIR EXPECTED_JSON TOKENIZER_CASES_JSON
'use strict';
const fs = require('fs');
const path = require('path');
const vm = require('vm');
const [elasticlunrPath, assets, site, expectedPath, casesPath] = process.argv.slice(2);
const elasticlunr = require(path.resolve(elasticlunrPath));
const search = require('./page-scripts.js').searchPage(assets);
search.installTokenizer(elasticlunr);
const dir = path.join(site, 'search');
const failures = [];
const report = [];

function walk(d) {
  return fs.readdirSync(d, {withFileTypes: true}).flatMap(e =>
    e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)]);
}

for (const c of JSON.parse(fs.readFileSync(casesPath, 'utf8'))) {
  const got = search.tokens(c.text), index = search.indexTokens(c.text, 10);
  if (JSON.stringify(got) !== JSON.stringify(c.tokens)) failures.push(`tokens(${c.text}) = ${got}`);
  if (JSON.stringify(index) !== JSON.stringify(c.index)) failures.push(`indexTokens(${c.text}) = ${index}`);
}

const FILE = /^telegraphSearchData\("([^"]+)","([A-Za-z0-9+/=]*)"\);\n$/;
const pieces = new Map();
const sizes = new Map();
for (const file of walk(dir).sort()) {
  const key = path.relative(dir, file).replace(/\\/g, '/').replace(/\.js$/, '');
  const text = fs.readFileSync(file, 'utf8');
  const m = FILE.exec(text);
  if (!file.endsWith('.js') || !m || m[1] !== key) {
    failures.push(`${key} is not telegraphSearchData("${key}", "base64");`);
    continue;
  }
  let called;
  vm.runInNewContext(text, {telegraphSearchData: (k, d) => { called = {k, d}; }});
  if (!called || called.k !== key || called.d !== m[2]) failures.push(`${key}.js does not hand its data to telegraphSearchData`);
  pieces.set(key, m[2]);
  sizes.set(key, Buffer.byteLength(text));
}
if (!pieces.size) failures.push('no search/*.js files');
// the export's chunks, where the page reads the text of its results
const CHUNK = /^telegraphData\("([^"]+)","([A-Za-z0-9+/=]*)"\);\n$/;
const chunks = new Map();
for (const file of walk(path.join(site, 'data')).filter(f => f.endsWith('.js')).sort()) {
  const key = path.relative(path.join(site, 'data'), file).replace(/\\/g, '/').replace(/\.js$/, '');
  const text = fs.readFileSync(file, 'utf8');
  const m = CHUNK.exec(text);
  if (!m || m[1] !== key) {
    failures.push(`data/${key}.js is not telegraphData("${key}", "base64");`);
    continue;
  }
  chunks.set(search.DATA + key, m[2]);
  sizes.set(search.DATA + key, Buffer.byteLength(text));
}
if (!chunks.size) failures.push('no data/*.js chunks');

const long = '甲'.repeat(100) + '英伟达发布新品' + '乙'.repeat(100);
const cut = search.snippetAround(long, ['英伟达'], 80);
if (!cut.startsWith('…') || !cut.endsWith('…') || !cut.includes('英伟达') || cut.length !== 82) {
  failures.push(`snippetAround cuts badly: ${cut}`);
}
if (search.snippetAround('短文本', ['英伟达'], 80) !== '短文本') failures.push('snippetAround changes a short text');

(async () => {
  const decoded = new Map();
  let shards = 0;
  for (const [key, data] of pieces) {
    const json = await search.decode(data);
    if (/\/s-\d+$/.test(key)) {
      const index = elasticlunr.Index.load(search.expandShard(json)); // throws on a malformed store
      // every token of the shard has its postings in the loaded index
      json.tokens.forEach((t, i) => {
        if (index.index.b.getDocs(t) === undefined || Object.keys(index.index.b.getDocs(t)).length
            !== json.postings[i].split(',').length) failures.push(`${key}: ${t} lost in Index.load`);
      });
      shards++;
    }
    decoded.set(key, json);
  }
  for (const [key, data] of chunks) decoded.set(key, await search.decodeLines(data));
  let read = null;
  const engine = new search.Engine(key => {
    if (read) read.add(key);
    return decoded.has(key) ? Promise.resolve(decoded.get(key)) : Promise.reject(new Error('no ' + key));
  }, elasticlunr);
  const expected = JSON.parse(fs.readFileSync(expectedPath, 'utf8'));
  let largest = {bytes: 0};
  let largestCount = {bytes: 0};
  const exactQueries = [], checkedQueries = [];
  /**
   * A query the index alone answers (search-exact.js): its exact total and each month's, from a
   * fresh engine that reads no text chunk, equal to brute force.
   */
  async function exactCount(q, filters, e) {
    const extra = Object.entries(q).filter(([k, v]) => k !== 'q' && v !== null && v !== undefined);
    const label = q.q + (extra.length ? ' ' + JSON.stringify(Object.fromEntries(extra)) : '');
    read = new Set();
    const counter = new search.Engine(engine.load, elasticlunr);
    const plan = await counter.plan(q.q, filters);
    const counts = await counter.counts(plan, await counter.prepare(plan));
    const keys = [...read];
    read = null;
    if (!plan.exact) {
      if (counts !== null) failures.push(`${label}: counts of a plan the text must check`);
      checkedQueries.push(label);
      return;
    }
    exactQueries.push(label);
    if (counts.total !== e.count) failures.push(`${label}: exact total from the index ${counts.total}, brute force ${e.count}`);
    const perMonth = e.months;
    const got = {};
    counts.months.forEach(m => { if (m.count) got[m.month] = m.count; });
    const sorted = o => JSON.stringify(Object.entries(o).sort());
    if (sorted(got) !== sorted(perMonth)) {
      failures.push(`${label}: per month from the index ${JSON.stringify(got)}, brute force ${JSON.stringify(perMonth)}`);
    }
    const text = keys.filter(k => k.startsWith(search.DATA));
    if (text.length) failures.push(`${label}: the exact total read text chunks ${text}`);
    const bytes = keys.reduce((sum, k) => sum + (sizes.get(k) || 0), 0);
    if (bytes > largestCount.bytes) largestCount = {bytes, query: label};
  }

  for (const e of expected) {
    const q = e.query, filters = {day: q.day, topics: q.topic ? [q.topic] : [], major: q.major, from: q.from, to: q.to};
    for (const sort of ['new', 'best']) {
      const r = await engine.searchAll(q.q, filters, sort);
      const ids = r.hits.map(h => h.row[0]);
      if (sort === 'new') await exactCount(q, filters, e);
      if (JSON.stringify(ids) !== JSON.stringify(e[sort]) || r.count !== e.count) {
        failures.push(`${q.q} ${JSON.stringify(filters)} ${sort}: node ${r.count} [${ids.slice(0, 3)}…], ` +
          `brute force ${e.count} [${e[sort].slice(0, 3)}…]`);
      }
      if (r.indexCount !== null && r.indexCount !== e.count) failures.push(`${q.q}: index count ${r.indexCount}, brute force ${e.count}`);
      // the hits found only in an earlier version of the item, marked so on the page
      const earlier = r.hits.filter(h => h.version).map(h => h.row[0]).sort();
      if (JSON.stringify(earlier) !== JSON.stringify([...e.earlier].sort())) {
        failures.push(`${q.q} ${sort}: found in an earlier version: node [${earlier}], brute force [${e.earlier}]`);
      }
    }
    // a fresh engine: what the first page of the newest-first order reads
    read = new Set();
    const fresh = new search.Engine(engine.load, elasticlunr);
    const plan = await fresh.plan(q.q, filters);
    await (await fresh.search(q.q, filters)).next(20);
    const keys = [...read];
    read = null;
    const bytes = keys.reduce((sum, k) => sum + (sizes.get(k) || 0), 0);
    if (bytes > largest.bytes) largest = {bytes, query: q.q};
    // a query of words the index answers exactly reads only its tokens' shards and the text of
    // its first hits; one whose candidates must be checked in their text (a long Chinese term,
    // a phrase) may read the text of many that fail: measured and listed, not bounded
    if (bytes >= 1e6 && plan.countable) failures.push(`${q.q}: the first page reads ${bytes} bytes: ${keys}`);
    if (bytes >= 1e6 && !plan.countable) report.push(`  first page of ${q.q}: ${bytes} bytes (candidates checked in their text)`);
  }
  report.push(`exact totals from the index alone (${exactQueries.length}): ${exactQueries.join(' | ')}`);
  report.push(`totals checked in the text (${checkedQueries.length}): ${checkedQueries.join(' | ')}`);
  report.push(`largest exact total read ${largestCount.bytes} bytes of index (${largestCount.query})`);
  if (!exactQueries.length) failures.push('no query gets its exact total from the index');
  report.push(`shards-test: ${pieces.size} files decoded, ${shards} shards loaded with elasticlunr ${elasticlunr.version}, ` +
    `${expected.length} queries compared in both orders, largest first page ${largest.bytes} bytes (${largest.query}), ` +
    `${failures.length} failures`);
  // the measurements go to a file beside the expected hits: a passing test prints nothing under mvn -q
  fs.writeFileSync(path.join(path.dirname(expectedPath), 'shards-test.txt'), report.join('\n') + '\n');
  if (failures.length) report.forEach(line => console.log(line));
  failures.forEach(f => console.error('FAIL ' + f));
  process.exit(failures.length ? 1 : 0);
})().catch(e => { console.error(e); process.exit(1); });
