// Entry of the integration suite inside the extension host: `run()` as @vscode/test-electron (and the
// code-server test-runner extension) expects. Runs every *.test.js bundled next to this file with
// mocha; if PML_VSCODE_TEST_RESULTS names a file, also writes a JSON summary there.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

interface TestRecord {
  title: string;
  state: 'passed' | 'failed' | 'pending';
  durationMs?: number;
  error?: string;
}

/**
 * Mocha fails the running test on any uncaught exception in the process. Inside an extension host
 * other parts of the workbench throw too (code-server's telemetry failing to resolve its host on an
 * offline machine, for one): only errors whose stack passes through this suite or the extension
 * under test may fail a test; others are logged.
 */
function ignoreForeignUncaught(): void {
  const proto = Mocha.Runner.prototype as unknown as { _uncaught(this: unknown, err: unknown): void; __pmlPatched?: boolean };
  if (proto.__pmlPatched) return;
  const original = proto._uncaught;
  proto._uncaught = function (this: unknown, err: unknown) {
    const stack = err instanceof Error ? (err.stack ?? '') : '';
    if (!/test[\\/]vscode|python-memory-lens|dist[\\/](extension|worker)\.js/.test(stack)) {
      console.warn('[integration tests] ignored an uncaught error from outside the suite:', err instanceof Error ? err.message : err);
      return;
    }
    original.call(this, err);
  };
  proto.__pmlPatched = true;
}

export function run(): Promise<void> {
  ignoreForeignUncaught();
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60000, reporter: 'spec' });
  const grep = process.env.PML_VSCODE_TEST_GREP;
  if (grep) mocha.grep(grep);
  for (const f of fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort()) mocha.addFile(path.join(__dirname, f));
  const records: TestRecord[] = [];
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const out = process.env.PML_VSCODE_TEST_RESULTS;
      if (out) fs.writeFileSync(out, JSON.stringify({ failures, tests: records }, null, 2));
      if (failures > 0) reject(new Error(`${failures} integration test(s) failed`));
      else resolve();
    });
    runner.on('pass', (t) => records.push({ title: t.fullTitle(), state: 'passed', durationMs: t.duration }));
    runner.on('fail', (t, err: Error) => records.push({ title: t.fullTitle(), state: 'failed', error: err.message }));
    runner.on('pending', (t) => records.push({ title: t.fullTitle(), state: 'pending' }));
  });
}
