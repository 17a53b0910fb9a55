// Reference for the search benchmark: stock elasticlunr.js 0.9.5 building one index over every
// item of a corpus, the way its README shows, and writing it as JSON.
//
// Usage: node bench/elasticlunr-build.js ELASTICLUNR_JS CORPUS_DIR OUT_JSON
//
// Items are the `**[HH:MM]** text` lines of the day files (*.md under CORPUS_DIR); each is
// indexed with its text as the one field and not stored (saveDocument(false)), as our shards
// store no documents. Prints the number of items and of index keys (tokens) found, and, for a few
// Chinese queries, how many items stock elasticlunr finds (its tokenizer splits on spaces).
'use strict';
const fs = require('fs');
const path = require('path');

const [elasticlunrPath, corpus, outJson] = process.argv.slice(2);
if (!elasticlunrPath || !corpus || !outJson) {
  console.error('usage: node elasticlunr-build.js ELASTICLUNR_JS CORPUS_DIR OUT_JSON');
  process.exit(2);
}
const elasticlunr = require(path.resolve(elasticlunrPath));

function walk(dir) {
  return fs.readdirSync(dir, {withFileTypes: true}).flatMap(e =>
    e.isDirectory() ? walk(path.join(dir, e.name)) : e.name.endsWith('.md') ? [path.join(dir, e.name)] : []);
}

const index = elasticlunr(function () {
  this.addField('text');
  this.setRef('id');
  this.saveDocument(false);
});
let items = 0;
for (const file of walk(corpus).sort()) {
  const day = path.basename(file, '.md');
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    const m = /^\*\*\[(\d\d:\d\d)\]\*\*\s*(.*)$/.exec(line);
    if (m) index.addDoc({id: `${day}-${items}`, text: m[2]}), items++;
  }
}
const json = JSON.stringify(index.toJSON());
fs.writeFileSync(outJson, json);
const found = {};
for (const q of ['公司', '英伟达', '委内瑞拉', '600519']) found[q] = index.search(q, {}).length;
console.log(JSON.stringify({items, bytes: Buffer.byteLength(json), found}));
