// Engine-wide invariants on every oracle program and example, under every profile: the collector's
// generation lists (checked after every collection), refcounts of live objects, heap byte accounting,
// and that nothing ends as an internal error. These hold whatever CPython prints, so they catch
// bookkeeping bugs the oracle's printed output cannot see.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PYTHON_VERSIONS, simulate } from '../../../src/engine/index';

const root = join(__dirname, '..', '..', '..');
const programs: string[] = [];
for (const dir of ['test/oracle/programs/core', 'test/oracle/programs/gc', 'examples']) {
  for (const f of readdirSync(join(root, dir))) if (f.endsWith('.py')) programs.push(join(dir, f));
}

describe('engine invariants (collector lists, refcounts, live bytes) on every program', function () {
  this.timeout(120_000);
  it('finds the programs', () => assert.ok(programs.length >= 150, `${programs.length} programs`));
  for (const version of PYTHON_VERSIONS) {
    it(`holds for all programs @${version}`, () => {
      const broken: string[] = [];
      for (const p of programs) {
        const r = simulate(readFileSync(join(root, p), 'utf8'), { version, filename: p, selfCheck: true, recordEvents: false });
        if (r.status === 'internal-error') broken.push(`${p}: ${r.diagnostics.map((d) => d.message).join('; ')}`);
      }
      assert.deepEqual(broken, []);
    });
  }
  it('reports a broken invariant as an internal error, not a crash', () => {
    const r = simulate('x = [1]\n', { version: '3.12', selfCheck: true });
    assert.equal(r.status, 'ok');
  });
});
