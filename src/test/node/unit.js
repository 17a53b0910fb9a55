// The few lines the Node unit tests share: test(name, fn) records a test, and once the file has
// recorded them all they run, each failure printed; the process exits 1 if any failed. A passing
// file prints nothing, as every test under mvn -q.
'use strict';
const tests = [];

function test(name, run) {
  tests.push({name, run});
}

setImmediate(() => {
  let failed = 0;
  for (const t of tests) {
    try {
      t.run();
    } catch (e) {
      failed++;
      console.error('FAIL ' + t.name + '\n' + e.message);
    }
  }
  if (failed) {
    console.error(failed + ' of ' + tests.length + ' tests failed');
    process.exit(1);
  }
});

module.exports = test;
