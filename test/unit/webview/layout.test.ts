// The heap graph's layout: objects keep their cells between steps, never overlap, children sit to the
// right of their referrer, and a new object never takes the cell of one that just died.
import assert from 'node:assert/strict';
import { StableLayout } from '../../../webview/graph/layout';
import { buildModel } from '../../../webview/graph/model';
import type { PanelObject, StepSnapshot } from '../../../src/protocol/panel';

function obj(id: number, type: string, refs: { from: number; label: string }[] = [], flags: PanelObject['flags'] = []): PanelObject {
  return {
    id, type, size: 56, refcount: Math.max(1, refs.length), flags, line: 1, repr: `${type}@${id}`, gcTracked: true, generation: 0,
    referrers: refs.map((r) => ({ holder: { kind: 'object', obj: r.from, label: r.label }, count: 1, text: '' })),
  };
}

function snap(step: number, objects: PanelObject[], names: { name: string; obj: number }[]): StepSnapshot {
  return {
    sessionId: 1, step, line: step + 1, frame: 0,
    frames: [{ id: 0, name: '<module>', parent: null, line: 1, names, thread: 0 }],
    objects, objectCount: objects.length, omitted: { count: 0, bytes: 0, byType: [] }, weakEdges: [], liveBytes: 0,
    events: [], stepEventCount: 0, stdoutTail: '',
  };
}

const opts = { showShared: false, collapse: false, search: '', focus: null };

function cellsOf(layout: StableLayout, s: StepSnapshot) {
  const r = layout.update(buildModel(s, opts));
  return r;
}

describe('webview layout', () => {
  it('keeps positions of surviving objects between steps (random histories)', () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const layout = new StableLayout();
    let live: PanelObject[] = [];
    let names: { name: string; obj: number }[] = [];
    let next = 100;
    let prev = new Map<string, string>();
    for (let step = 0; step < 300; step++) {
      // mutate: allocate some, free some
      const nAlloc = Math.floor(rnd() * 4);
      for (let k = 0; k < nAlloc; k++) {
        const parent = live.length && rnd() < 0.7 ? live[Math.floor(rnd() * live.length)] : null;
        const o = obj(next++, rnd() < 0.5 ? 'list' : 'dict', parent ? [{ from: parent.id, label: `[${k}]` }] : []);
        live.push(o);
        if (!parent) names.push({ name: `v${o.id}`, obj: o.id });
      }
      if (live.length > 5 && rnd() < 0.5) {
        const dead = live[Math.floor(rnd() * live.length)].id;
        live = live.filter((o) => o.id !== dead).map((o) => ({ ...o, referrers: o.referrers.filter((r) => r.holder.kind !== 'object' || r.holder.obj !== dead) }));
        names = names.filter((n) => n.obj !== dead);
      }
      const r = cellsOf(layout, snap(step, live, names));
      const seen = new Set<string>();
      const now = new Map<string, string>();
      for (const [key, c] of r.cells) {
        const pos = `${c.col},${c.row}`;
        assert.ok(!seen.has(pos), `two nodes on ${pos} at step ${step}`);
        seen.add(pos);
        now.set(key, pos);
        if (prev.has(key)) assert.equal(pos, prev.get(key), `${key} moved at step ${step}`);
        if (!prev.has(key)) for (const [k2, p2] of prev) if (!now.has(k2) && p2 === pos && !r.cells.has(k2)) assert.fail(`new ${key} took the cell of ${k2}, which died at step ${step}`);
      }
      prev = now;
    }
  });

  it('finds an object at the same cell after scrubbing away and back', () => {
    const layout = new StableLayout();
    const a = obj(1, 'list');
    const b = obj(2, 'int', [{ from: 1, label: '[0]' }]);
    const s1 = snap(0, [a, b], [{ name: 'a', obj: 1 }]);
    const first = cellsOf(layout, s1).cells.get('o:2');
    cellsOf(layout, snap(1, [], []));
    const again = cellsOf(layout, s1).cells.get('o:2');
    assert.deepEqual(again, first);
  });

  it('puts children right of their referrer, in label order', () => {
    const layout = new StableLayout();
    const items = [3, 1, 2].map((i) => obj(10 + i, 'str', [{ from: 1, label: `[${i}]` }]));
    const r = cellsOf(layout, snap(0, [obj(1, 'list'), ...items], [{ name: 'xs', obj: 1 }]));
    const list = r.cells.get('o:1')!;
    const c1 = r.cells.get('o:11')!;
    const c2 = r.cells.get('o:12')!;
    const c3 = r.cells.get('o:13')!;
    for (const c of [c1, c2, c3]) assert.ok(c.col > list.col);
    assert.ok(c1.row < c2.row && c2.row < c3.row, 'index order top to bottom');
  });

  it('places cycles nobody names below the frames', () => {
    const layout = new StableLayout();
    const a = obj(1, 'Node', [{ from: 2, label: '.next' }]);
    const b = obj(2, 'Node', [{ from: 1, label: '.next' }]);
    const r = cellsOf(layout, snap(0, [a, b], []));
    assert.equal(r.cells.size, 2);
    assert.ok(r.frames[0].height > 0);
    for (const c of r.cells.values()) assert.ok(c.row * 66 >= r.frames[0].height, 'below the module frame');
  });
});
