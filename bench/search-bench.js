// Search benchmark: what a reader's browser downloads, and how soon it shows results, for the
// first page of results of a set of queries on a built site.
//
// Usage: node bench/search-bench.js SITE_DIR OUT_JSON [QUERY ...]
//   (playwright-core must be resolvable: run with NODE_PATH=WORK/node_modules; bench/run.sh does)
//
// The site is served by a small HTTP server in this process (on 127.0.0.1, a free port) and
// opened in headless Chromium (/usr/bin/chromium, or $CHROMIUM). Each query gets a fresh browser
// context (empty cache) and opens search.html?q=QUERY, as a shared link would. Measured per query:
//   - firstResultMs: from the start of navigation to the first result in the list (or to the
//     "no result" status), read in the page from performance.now() by a MutationObserver;
//   - searchBytes / searchFiles: bytes and number of the index files (search/*.js) fetched until
//     then; totalBytes / totalFiles: everything the page fetched (HTML, CSS, scripts, index);
//   - status: the page's result count line.
// Besides the queries given, it picks three from the token directory: the rarest token; the
// token spread over the most months among those in at most 2 items per month (the worst case of
// a month-by-month index: every month holds a hit or two, so a page of 20 results needs many
// months); and that token AND 公司, a bigram in a large share of all items.
'use strict';
const fs = require('fs');
const http = require('http');
const path = require('path');
const {chromium} = require('playwright-core');

const [site, outJson, ...given] = process.argv.slice(2);
if (!site || !outJson) {
  console.error('usage: node search-bench.js SITE_DIR OUT_JSON [QUERY ...]');
  process.exit(2);
}
const searchDir = path.join(site, 'search');

function readPiece(file) {
  const text = fs.readFileSync(file, 'utf8');
  return JSON.parse(text.slice(text.indexOf(',') + 1, text.length - 3));
}

/** The rarest token, and the token in most months among those in at most 2 items per month. */
function pickQueries() {
  const manifest = readPiece(path.join(searchDir, 'manifest.js'));
  const stride = manifest.directoryStride;
  let rarest = null, spread = null;
  for (let b = 0; b < manifest.directoryBuckets; b++) {
    const bucket = readPiece(path.join(searchDir, 'dir', b + '.js'));
    for (const [token, entries] of Object.entries(bucket)) {
      if (token.length < 2) continue;
      let total = 0, months = 0, max = 0;
      for (let i = 0; i < entries.length; i += stride) {
        total += entries[i + 1];
        months++;
        max = Math.max(max, entries[i + 1]);
      }
      if (!rarest || total < rarest.total || (total === rarest.total && token < rarest.token)) {
        rarest = {token, total, months};
      }
      if (max <= 2 && (!spread || months > spread.months || (months === spread.months && token < spread.token))) {
        spread = {token, total, months};
      }
    }
  }
  const picked = [];
  if (rarest) picked.push({query: rarest.token, kind: `rarest token (${rarest.total} items)`});
  if (spread) {
    picked.push({query: spread.token, kind: `rare token in most months (${spread.total} items in ${spread.months} months)`});
    picked.push({query: spread.token + ' 公司', kind: 'that rare token AND a very common bigram'});
  }
  return picked;
}

const TYPES = {'.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json; charset=utf-8', '.svg': 'image/svg+xml'};

function serve(root) {
  const server = http.createServer((req, res) => {
    const rel = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const file = path.join(root, rel.endsWith('/') ? rel + 'index.html' : rel);
    if (!file.startsWith(path.resolve(root)) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404);
      res.end();
      return;
    }
    const body = fs.readFileSync(file);
    res.writeHead(200, {'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream',
      'Content-Length': body.length});
    res.end(body);
  });
  return new Promise(resolve => server.listen(0, '127.0.0.1', () => resolve(server)));
}

// In the page, before its scripts: note when the first result (or the final status) appears, and
// what the index (search/ and the text store in data/) had cost when the first page was complete
// (the list no longer aria-busy), before any background counting reads on.
function watchFirstResult() {
  const indexBytes = () => performance.getEntriesByType('resource')
    .filter(e => /^\/(search|data)\//.test(new URL(e.name).pathname))
    .reduce((sum, e) => sum + (e.encodedBodySize || 0), 0);
  new MutationObserver((changes, observer) => {
    const list = document.getElementById('search-results');
    const status = document.getElementById('search-status');
    const done = (list && list.children.length > 0) || (status && /共 \d+ 条/.test(status.textContent));
    if (done && window.__firstResultMs === undefined) {
      window.__firstResultMs = performance.now();
    }
    if (list && list.getAttribute('aria-busy') === 'false' && window.__firstResultMs !== undefined
        && window.__firstPageBytes === undefined) {
      window.__firstPageBytes = indexBytes();
      observer.disconnect();
    }
  }).observe(document, {subtree: true, childList: true, characterData: true, attributes: true,
    attributeFilter: ['aria-busy']});
}

(async () => {
  const root = path.resolve(site);
  const server = await serve(root);
  const base = `http://127.0.0.1:${server.address().port}/`;
  const browser = await chromium.launch({executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync']});
  const queries = given.map(q => ({query: q, kind: 'given'})).concat(pickQueries());
  const results = [];
  for (const q of queries) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.addInitScript(watchFirstResult);
    const fetched = [];
    page.on('response', async response => {
      try {
        const body = await response.body();
        fetched.push({url: response.url(), bytes: body.length, at: Date.now()});
      } catch (e) {
        // a response without a body (redirect, aborted): nothing downloaded
      }
    });
    const url = base + 'search.html?q=' + encodeURIComponent(q.query);
    await page.goto(url);
    await page.waitForFunction(() => window.__firstResultMs !== undefined, null, {timeout: 60000});
    const firstResultMs = await page.evaluate(() => window.__firstResultMs);
    // the first page's snippets may still be arriving: wait until the page says it is complete
    await page.waitForSelector('#search-results[aria-busy=false]', {state: 'attached', timeout: 60000});
    await page.waitForLoadState('networkidle');
    const firstPageBytes = await page.evaluate(() => window.__firstPageBytes || 0);
    const status = await page.evaluate(() => document.getElementById('search-status').textContent);
    const shown = await page.evaluate(() => document.getElementById('search-results').children.length);
    const search = fetched.filter(f => /^\/(search|data)\//.test(new URL(f.url).pathname));
    results.push({query: q.query, kind: q.kind, firstResultMs: Math.round(firstResultMs), firstPageBytes, shown, status,
      searchBytes: search.reduce((s, f) => s + f.bytes, 0), searchFiles: search.length,
      totalBytes: fetched.reduce((s, f) => s + f.bytes, 0), totalFiles: fetched.length});
    console.error(`[search-bench] ${q.query}: ${results[results.length - 1].firstResultMs} ms, ` +
      `${results[results.length - 1].searchBytes} index bytes in ${search.length} files, ${shown} shown`);
    await context.close();
  }
  await browser.close();
  server.close();
  fs.writeFileSync(outJson, JSON.stringify(results, null, 2));
})().catch(e => {
  console.error('search-bench: ' + (e && e.message ? e.message : e));
  process.exit(1);
});
