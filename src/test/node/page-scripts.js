// Runs templates/assets scripts in this Node process as a browser runs them: plain scripts, in
// order, sharing one global object (no module system), so a test sees exactly what the page sees.
// searchPage(assets) loads every script search.html loads, in the order templates/search.ftlh
// lists them (the vendored elasticlunr.js aside), and returns the search namespace.
'use strict';
const fs = require('fs');
const path = require('path');
const vm = require('vm');

/** Runs the named scripts of the assets folder; returns the global telegraphSearch. */
function run(assets, ...names) {
  for (const name of names) {
    const file = path.resolve(assets, name);
    vm.runInThisContext(fs.readFileSync(file, 'utf8'), {filename: file});
  }
  return globalThis.telegraphSearch;
}

/** The assets search.html loads, in its order (from the template beside the assets folder). */
function searchPageScripts(assets) {
  const template = fs.readFileSync(path.resolve(assets, '..', 'search.ftlh'), 'utf8');
  const list = /scripts=\[([^\]]*)\]/.exec(template);
  if (!list) throw new Error('search.ftlh lists no scripts');
  return [...list[1].matchAll(/"assets\/([^"]+)"/g)].map(m => m[1]).filter(name => !name.startsWith('vendor/'));
}

function searchPage(assets) {
  return run(assets, ...searchPageScripts(assets));
}

module.exports = {run, searchPageScripts, searchPage};
