// The Memory view's "Objects by type" numbers: counts per type from a step snapshot (drawn objects plus
// the per-type summary of those beyond the limit, shared objects left out) and growth against a baseline.
import assert from 'node:assert/strict';
import type { PanelObject, StepSnapshot } from '../../../src/protocol/panel';
import { countByType, growth } from '../../../webview/views/typecounts';

const obj = (id: number, type: string, extra: Partial<PanelObject> = {}): PanelObject => ({
  id, type, size: 32, refcount: 1, flags: [], line: 1, repr: type, gcTracked: true, referrers: [], ...extra,
});
const snap = (objects: PanelObject[], byType: { type: string; count: number; bytes: number }[] = []): StepSnapshot => ({
  sessionId: 1, step: 0, line: 1, frame: 0, frames: [], objects, objectCount: objects.length,
  omitted: { count: byType.reduce((n, t) => n + t.count, 0), bytes: 0, byType }, weakEdges: [], liveBytes: 0, events: [], stepEventCount: 0, stdoutTail: '',
});

describe('webview: objects by type', () => {
  it('counts drawn and summarised objects per type, most numerous first, without shared ones', () => {
    const s = snap([obj(1, 'list'), obj(2, 'dict'), obj(3, 'list'), obj(4, 'int', { flags: ['small-int'] })], [{ type: 'dict', count: 5, bytes: 1000 }]);
    assert.deepEqual(countByType(s), [
      { type: 'dict', count: 6, bytes: 1032 },
      { type: 'list', count: 2, bytes: 64 },
    ]);
  });

  it('reports growth since a baseline, new and vanished types included', () => {
    const before = countByType(snap([obj(1, 'list'), obj(2, 'Node'), obj(3, 'Node')]));
    const now = countByType(snap([obj(1, 'list'), obj(4, 'dict'), obj(5, 'dict'), obj(6, 'dict')]));
    assert.deepEqual(growth(now, before), [
      { type: 'dict', count: 3, delta: 3 },
      { type: 'Node', count: 0, delta: -2 },
    ]);
  });
});
