// The code-server half of "one suite, two launchers": when code-server was started with
// PML_RUNNER_TESTS (the bundled suite entry, out/test/vscode/index.js) and PML_RUNNER_DONE (a file
// to write when finished), this extension loads the suite in the extension host, as
// @vscode/test-electron's extensionTestsPath does, awaits its run(), and writes {ok, error} to the
// done file. Without those variables it does nothing. Plain CommonJS: it is packaged as it is.
'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS extension entry, loaded as is */
const fs = require('fs');

let started = false;

function activate() {
  const tests = process.env.PML_RUNNER_TESTS;
  const done = process.env.PML_RUNNER_DONE;
  if (!tests || !done || started) return;
  started = true;
  // Let activation return first: the suite activates the extension under test itself.
  setTimeout(() => {
    const t0 = Date.now();
    Promise.resolve()
      .then(() => require(tests).run())
      .then(
        () => ({ ok: true }),
        (e) => ({ ok: false, error: e && e.stack ? String(e.stack) : String(e) }),
      )
      .then((outcome) => {
        fs.writeFileSync(done, JSON.stringify({ ...outcome, ms: Date.now() - t0 }));
      });
  }, 0);
}

function deactivate() {}

module.exports = { activate, deactivate };
