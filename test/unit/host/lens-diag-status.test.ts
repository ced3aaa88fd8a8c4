// CodeLens text, diagnostics mapping and status bar text, from the real Timeline over synthetic events.
import { strict as assert } from 'node:assert';
import type { LineSummary, SimulationResult } from '../../../src/engine/api';
import { Timeline } from '../../../src/engine/trace/timeline';
import { lensTitle, lensTooltip, refcountChanges, wantsLens, withoutTeardown } from '../../../src/host/present/codelens';
import { presentDiagnostics } from '../../../src/host/present/diagnostics';
import { fmt } from '../../../src/host/present/l10n';
import { scan } from '../../../src/host/present/source';
import { statusView, stopLineOf } from '../../../src/host/present/status';
import { SAMPLE_SOURCE, sampleEvents } from './fixtures/sample';

const tl = new Timeline(sampleEvents());
const src = scan(SAMPLE_SOURCE);
const sum = (line: number): LineSummary => tl.lineSummaries().get(line)!;

function result(partial: Partial<SimulationResult>): SimulationResult {
  return { version: '3.12', status: 'ok', stdout: '', stderr: '', diagnostics: [], events: [], eventsTruncated: false, instructions: 10, wallTimeMs: 3, finalObjects: [], ...partial };
}

describe('host/present/codelens', () => {
  it('titles an allocating line', () => {
    assert.equal(lensTitle(sum(1), 'compact', fmt), '+1 object (+72 B)');
  });

  it('titles a loop line with frees, types and runs in detailed mode', () => {
    const s = sum(8);
    assert.ok(wantsLens(s));
    assert.equal(lensTitle(s, 'compact', fmt), '+2 objects (+64 B) · frees 1 list');
    assert.equal(lensTitle(s, 'detailed', fmt), '+2 objects (+64 B) · frees 1 list · ran 2×');
    assert.match(lensTooltip(s, fmt), /allocated: 2 list \(128 B when allocated\)/);
    assert.match(lensTooltip(s, fmt), /net memory change \+64 B/);
  });

  it('reports refcount changes of the line\'s names across its last run', () => {
    assert.deepEqual(refcountChanges(tl, src, sum(2)), [{ name: 'data', before: 1, after: 2 }]); // alias was not bound before
    // the call line: its run starts before the call, so the change covers f's references and `r`
    assert.deepEqual(refcountChanges(tl, src, sum(6)), [{ name: 'data', before: 2, after: 3 }]);
    const s14 = sum(14);
    assert.deepEqual(refcountChanges(tl, src, s14), [{ name: 'data', before: 2, after: 3 }]);
    assert.equal(lensTitle({ ...s14, allocs: 1, allocBytes: 56, memoryDelta: 56 }, 'detailed', fmt, refcountChanges(tl, src, s14)), '+1 object (+56 B) · refcount data 2→3');
  });

  it('does not charge the interpreter\'s teardown to the last line', () => {
    const own = new Timeline([
      { k: 'call', frame: 0, parent: null, name: '<module>', line: 1 },
      { k: 'line', line: 1, frame: 0 },
      { k: 'alloc', obj: 0x10, type: 'list', size: 56, line: 1, repr: '[]', gcTracked: true, holder: { kind: 'name', frame: 0, name: 'a', scope: 'global' } },
      { k: 'line', line: 2, frame: 0 },
      { k: 'alloc', obj: 0x20, type: 'dict', size: 64, line: 2, repr: '{}', gcTracked: true, holder: { kind: 'name', frame: 0, name: 'b', scope: 'global' } },
      { k: 'return', frame: 0, value: null },
      { k: 'decref', obj: 0x10, rc: 0, holder: { kind: 'name', frame: 0, name: 'a', scope: 'global' } },
      { k: 'dealloc', obj: 0x10, reason: 'refcount' },
      { k: 'decref', obj: 0x20, rc: 0, holder: { kind: 'name', frame: 0, name: 'b', scope: 'global' } },
      { k: 'dealloc', obj: 0x20, reason: 'refcount' },
    ]);
    const raw = own.lineSummaries().get(2)!;
    assert.equal(raw.frees, 2, 'the trace charges teardown to line 2');
    const fixed = withoutTeardown(own, raw);
    assert.equal(fixed.frees, 0);
    assert.deepEqual(fixed.freeTypes, {});
    assert.equal(fixed.memoryDelta, 64);
    assert.equal(lensTitle(fixed, 'compact', fmt), '+1 object (+64 B)');
    assert.equal(withoutTeardown(own, own.lineSummaries().get(1)!).frees, 0);
  });

  it('lines that neither allocate nor free get no lens', () => {
    assert.equal(wantsLens(sum(2)), false);
    assert.equal(wantsLens(sum(9)), false);
  });
});

describe('host/present/diagnostics', () => {
  it('maps engine diagnostics to information and hint', () => {
    const r = result({
      diagnostics: [
        { kind: 'cycle', message: 'a list and a dict reference each other', range: { startLine: 3, startCol: 0, endLine: 3, endCol: 5 } },
        { kind: 'alive-at-exit', message: 'cache', range: { startLine: 1, startCol: 0, endLine: 1, endCol: 5 } },
      ],
    });
    const d = presentDiagnostics(r, fmt);
    assert.deepEqual(d.map((x) => [x.severity, x.code]), [['information', 'cycle'], ['hint', 'alive-at-exit']]);
    assert.match(d[0]!.message, /^Freed only by the cyclic GC: a list/);
  });

  it('synthesizes a stop diagnostic when the engine stopped without one', () => {
    const d = presentDiagnostics(result({ status: 'budget', stderr: 'Traceback\nbudget: 20000000 steps' }), fmt, 7);
    assert.equal(d.length, 1);
    assert.equal(d[0]!.code, 'budget');
    assert.equal(d[0]!.range.startLine, 7);
    assert.match(d[0]!.message, /budget exhausted: budget: 20000000 steps/);
  });

  it('does not duplicate a stop diagnostic the engine gave', () => {
    const r = result({ status: 'unsupported', diagnostics: [{ kind: 'unsupported', message: '`match` statements are not simulated yet', range: { startLine: 4, startCol: 0, endLine: 4, endCol: 5 } }] });
    const d = presentDiagnostics(r, fmt);
    assert.equal(d.length, 1);
    assert.equal(d[0]!.severity, 'information');
    assert.equal(stopLineOf(r), 4);
  });
});

describe('host/present/status', () => {
  it('counts the program\'s own live objects', () => {
    const own = { id: 1, type: 'list', size: 56, refcount: 1, flags: [], line: 1, repr: '[]', gcTracked: true, referrers: [] };
    const shared = { ...own, id: 2, type: 'NoneType', flags: ['shared' as const, 'immortal' as const] };
    const v = statusView({ kind: 'done', result: result({ finalObjects: [own, shared, { ...own, id: 3 }] }) }, fmt);
    assert.equal(v.text, '$(pulse) Memory: 2 objects');
    assert.match(v.tooltip, /CPython 3\.12 · 2 objects alive when the program finished \(112 B\)/);
    const before = statusView({ kind: 'done', result: result({ finalObjects: [] }), live: [own] }, fmt);
    assert.equal(before.text, '$(pulse) Memory: 1 object');
  });

  it('says where a run stopped', () => {
    assert.equal(statusView({ kind: 'done', result: result({ status: 'unsupported' }), stopLine: 12 }, fmt).text, '$(warning) Memory: stopped at line 12');
    assert.equal(statusView({ kind: 'done', result: result({ status: 'budget' }), stopLine: 3 }, fmt).text, '$(watch) Memory: budget hit at line 3');
    assert.equal(statusView({ kind: 'crashed', message: 'out of memory' }, fmt).tone, 'error');
  });
});

describe('host/present/version', () => {
  it('maps interpreter versions to the nearest simulated profile', async () => {
    const { nearestSupported } = await import('../../../src/host/present/version');
    assert.deepEqual(
      [[3, 8], [3, 10], [3, 11], [3, 12], [3, 13], [3, 14], [4, 0]].map(([major, minor]) => nearestSupported({ major: major!, minor: minor! })),
      ['3.10', '3.10', '3.11', '3.12', '3.13', '3.13', '3.13'],
    );
  });
});

describe('host/present/l10n', () => {
  it('escapes Markdown outside code spans only', async () => {
    const { escapeMd } = await import('../../../src/host/present/l10n');
    assert.equal(escapeMd('name `data` in <module>'), 'name `data` in \\<module\\>');
    assert.equal(escapeMd('list 0x7f[3] `a_b*`'), 'list 0x7f\\[3\\] `a_b*`');
  });
});
