// From a step snapshot to the drawn graph: shared objects inline, collapse by type, focus, search,
// weak edges, edge labels.
import assert from 'node:assert/strict';
import { buildModel, compareLabels, isShared } from '../../../webview/graph/model';
import type { PanelObject, StepSnapshot } from '../../../src/protocol/panel';

function obj(id: number, type: string, refs: { from: number; label: string; count?: number }[] = [], extra: Partial<PanelObject> = {}): PanelObject {
  return {
    id, type, size: 32, refcount: 1, flags: [], line: 1, repr: `${type}${id}`, gcTracked: true, generation: 0,
    referrers: refs.map((r) => ({ holder: { kind: 'object', obj: r.from, label: r.label }, count: r.count ?? 1, text: '' })), ...extra,
  };
}

function snap(objects: PanelObject[], names: { name: string; obj: number }[], weak: { from: number; to: number }[] = []): StepSnapshot {
  return {
    sessionId: 1, step: 0, line: 1, frame: 0, frames: [{ id: 0, name: '<module>', parent: null, line: 1, names, thread: 0 }],
    objects, objectCount: objects.length, omitted: { count: 0, bytes: 0, byType: [] }, weakEdges: weak, liveBytes: 0, events: [], stepEventCount: 0, stdoutTail: '',
  };
}

const base = { showShared: false, collapse: false, search: '', focus: null };

describe('webview graph model', () => {
  it('keeps shared objects out of the graph and shows them inline in the frame', () => {
    const five = obj(5, 'int', [{ from: 1, label: '[0]' }], { flags: ['small-int'], repr: '5' });
    const list = obj(1, 'list');
    const m = buildModel(snap([list, five], [{ name: 'x', obj: 5 }, { name: 'xs', obj: 1 }]), base);
    assert.deepEqual(m.nodes.map((n) => n.key), ['o:1']);
    assert.equal(m.hiddenShared, 1);
    assert.equal(m.frames[0].slots[0].inline, '5');
    assert.equal(m.frames[0].slots[1].target, 'o:1');
    assert.ok(!m.edges.some((e) => e.to === 'o:5'));
    const shown = buildModel(snap([list, five], [{ name: 'x', obj: 5 }]), { ...base, showShared: true });
    assert.equal(shown.nodes.length, 2);
    assert.ok(shown.edges.some((e) => e.to === 'o:5' && e.label === '[0]'));
    assert.ok(isShared(five) && !isShared(list));
  });

  it('collapses crowded types into one node and merges their edges', () => {
    const objs = [obj(1, 'list')];
    for (let i = 0; i < 50; i++) objs.push(obj(100 + i, 'float', [{ from: 1, label: `[${i}]` }]));
    const m = buildModel(snap(objs, [{ name: 'xs', obj: 1 }]), { ...base, collapse: true, collapseMin: 40 });
    assert.deepEqual(m.collapsedTypes, ['float']);
    const g = m.nodes.find((n) => n.kind === 'group');
    assert.ok(g && g.kind === 'group' && g.count === 50 && g.bytes === 50 * 32);
    const e = m.edges.filter((x) => x.to === 'g:float');
    assert.equal(e.length, 1);
    assert.equal(e[0].count, 50);
  });

  it('focuses on an object and its neighbours within two references', () => {
    // chain 1 -> 2 -> 3 -> 4 -> 5
    const objs = [obj(1, 'A'), obj(2, 'B', [{ from: 1, label: '.b' }]), obj(3, 'C', [{ from: 2, label: '.c' }]), obj(4, 'D', [{ from: 3, label: '.d' }]), obj(5, 'E', [{ from: 4, label: '.e' }])];
    const m = buildModel(snap(objs, [{ name: 'a', obj: 1 }]), { ...base, focus: 3, focusDepth: 1 });
    assert.deepEqual(m.nodes.map((n) => n.key).sort(), ['o:2', 'o:3', 'o:4']);
    assert.equal(m.hiddenByFocus, 2);
    assert.equal(m.frames[0].slots[0].target, null, 'the name points outside the focus');
  });

  it('searches by name, type, repr and address', () => {
    const objs = [obj(0x7f00a0, 'dict', [], { repr: "{'k': 1}" }), obj(0x7f00b0, 'Node')];
    const s = snap(objs, [{ name: 'cache', obj: 0x7f00a0 }]);
    assert.deepEqual(buildModel(s, { ...base, search: 'cache' }).matches, ['o:8323232']);
    assert.deepEqual(buildModel(s, { ...base, search: 'node' }).matches, ['o:8323248']);
    assert.deepEqual(buildModel(s, { ...base, search: "'k'" }).matches, ['o:8323232']);
    assert.deepEqual(buildModel(s, { ...base, search: '0x7f00b0' }).matches, ['o:8323248']);
    assert.deepEqual(buildModel(s, { ...base, search: '   ' }).matches, []);
  });

  it('draws weak references as weak edges and merges repeated references', () => {
    const target = obj(2, 'Node', [{ from: 1, label: '[0]' }, { from: 1, label: '[1]' }]);
    const m = buildModel(snap([obj(1, 'list'), target, obj(3, 'weakref')], [], [{ from: 3, to: 2 }]), base);
    const strong = m.edges.filter((e) => e.to === 'o:2' && !e.weak);
    assert.equal(strong.length, 1);
    assert.equal(strong[0].count, 2);
    assert.equal(strong[0].label, '[0], [1]');
    assert.equal(m.edges.filter((e) => e.weak).length, 1);
  });

  it('hides temporaries and constants unless asked or needed by the gc simulation', () => {
    const held = (kinds: ('stack' | 'arena' | 'temporary')[]) => kinds.map((k) => ({ holder: k === 'stack' ? { kind: 'stack' as const, frame: 0 } : { kind: k }, count: 1, text: '' }));
    const konst = obj(1, 'str', [], { referrers: held(['stack', 'arena']) });
    const temp = obj(2, 'list', [], { referrers: held(['temporary']) });
    const named = obj(3, 'list');
    const m = buildModel(snap([konst, temp, named], [{ name: 'xs', obj: 3 }]), base);
    assert.deepEqual(m.nodes.map((n) => n.key), ['o:3']);
    assert.equal(m.hiddenLoose, 2);
    assert.equal(buildModel(snap([konst, temp, named], []), { ...base, showLoose: true }).nodes.length, 3);
    assert.equal(buildModel(snap([konst, temp, named], []), { ...base, keep: new Set([2]) }).nodes.length, 2);
  });

  it('orders labels like a container', () => {
    assert.deepEqual(['[10]', '.b', '[2]', "['a']"].sort(compareLabels), ['[2]', '[10]', '.b', "['a']"]);
  });
});
