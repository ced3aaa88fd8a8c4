// The webview's state reducer and step-request coalescing: clamping, playback, filters, stale
// answers, persistence.
import assert from 'node:assert/strict';
import { StepRequester, initialState, persisted, reduce } from '../../../webview/state/store';
import type { PanelState } from '../../../webview/state/store';
import type { EventPage, SessionInfo, StepSnapshot } from '../../../src/protocol/panel';

function session(id: number, steps: number, uri = 'file:///a.py'): SessionInfo {
  return {
    sessionId: id, uri, fileName: 'a.py', documentVersion: 1, pythonVersion: '3.12', status: 'ok', stepCount: steps, eventCount: 10, eventsTruncated: false,
    memory: { series: [], peakBytes: 0, peakStep: 0 }, lines: [],
    gc: { thresholds: [700, 10, 10], series: [], collections: [], collectionsTotal: 0 },
    gil: { lanes: [], switches: [], switchesTotal: 0, endTime: 0, markerSteps: [], clock: [] },
  };
}

function snapshot(sessionId: number, step: number, ids: number[] = []): StepSnapshot {
  return {
    sessionId, step, line: 1, frame: 0, frames: [], objectCount: ids.length, omitted: { count: 0, bytes: 0, byType: [] }, weakEdges: [], liveBytes: 0, events: [], stepEventCount: 0, stdoutTail: '',
    objects: ids.map((id) => ({ id, type: 'list', size: 56, refcount: 1, flags: [], line: 1, repr: '[]', gcTracked: true, referrers: [] })),
  };
}

const loaded = (steps = 10): PanelState => reduce(initialState(), { type: 'session', session: session(1, steps) });

describe('webview state reducer', () => {
  it('clamps the step into the run', () => {
    let s = loaded(10);
    s = reduce(s, { type: 'goto', step: 99 });
    assert.equal(s.step, 9);
    s = reduce(s, { type: 'goto', step: -4 });
    assert.equal(s.step, 0);
    s = reduce(s, { type: 'stepBy', delta: 3 });
    assert.equal(s.step, 3);
    s = reduce(s, { type: 'goto', step: Number.NaN });
    assert.equal(s.step, 3);
  });

  it('plays to the last step and stops; play at the end restarts; stepping pauses', () => {
    let s = reduce(loaded(3), { type: 'play' });
    assert.equal(s.playing, true);
    s = reduce(s, { type: 'tick' });
    s = reduce(s, { type: 'tick' });
    assert.equal(s.step, 2);
    assert.equal(s.playing, false);
    s = reduce(s, { type: 'tick' });
    assert.equal(s.step, 2);
    s = reduce(s, { type: 'play' });
    assert.equal(s.step, 0);
    s = reduce(s, { type: 'stepBy', delta: 1 });
    assert.equal(s.playing, false);
  });

  it('does not play without a session', () => {
    const s = reduce(initialState(), { type: 'play' });
    assert.equal(s.playing, false);
  });

  it('ignores snapshots and event pages of another session or an older filter', () => {
    let s = loaded();
    s = reduce(s, { type: 'snapshot', snapshot: snapshot(2, 0) });
    assert.equal(s.snapshot, null);
    s = reduce(s, { type: 'toggleKind', kind: 'gc' });
    const page: EventPage = { sessionId: 1, kinds: ['alloc', 'incref', 'decref', 'dealloc', 'gc', 'gil', 'other'], offset: 0, total: 0, events: [] };
    assert.equal(reduce(s, { type: 'eventPage', page }).eventPage, null, 'page asked before gc was unticked');
    const fresh = { ...page, kinds: s.kinds };
    assert.equal(reduce(s, { type: 'eventPage', page: fresh }).eventPage, fresh);
  });

  it('toggles event kinds in a stable order', () => {
    let s = loaded();
    s = reduce(s, { type: 'toggleKind', kind: 'incref' });
    s = reduce(s, { type: 'toggleKind', kind: 'alloc' });
    s = reduce(s, { type: 'toggleKind', kind: 'incref' });
    assert.deepEqual(s.kinds, ['incref', 'decref', 'dealloc', 'gc', 'gil', 'other']);
  });

  it('keeps the view for a new run of the same document, resets it for another document', () => {
    let s = loaded(10);
    s = reduce(s, { type: 'goto', step: 7 });
    s = reduce(s, { type: 'view', zoom: 2, panX: 5, panY: 6 });
    s = reduce(s, { type: 'session', session: session(2, 5) });
    assert.equal(s.step, 4, 'clamped into the shorter run');
    assert.equal(s.zoom, 2);
    s = reduce(s, { type: 'session', session: session(3, 5, 'file:///b.py') });
    assert.equal(s.step, 0);
    assert.equal(s.zoom, 1);
  });

  it('drops the selection when the object is gone', () => {
    let s = loaded();
    s = reduce(s, { type: 'snapshot', snapshot: snapshot(1, 0, [1, 2]) });
    s = reduce(s, { type: 'select', id: 2 });
    s = reduce(s, { type: 'focus', id: 2 });
    s = reduce(s, { type: 'snapshot', snapshot: snapshot(1, 1, [1]) });
    assert.equal(s.selected, null);
    assert.equal(s.focus, null);
  });

  it('walks gc simulation phases within bounds', () => {
    let s = loaded();
    s = reduce(s, { type: 'tab', tab: 'gc' });
    s = reduce(s, { type: 'gcSimulation', simulation: { step: 1, generation: 2, phases: [{ phase: 'update_refs', description: '', objs: [] }, { phase: 'subtract_refs', description: '', objs: [] }], unreachable: [], finalizers: [], freed: [], collected: 0, uncollectable: 0 } });
    assert.equal(s.tab, 'heap', 'the result is shown on the graph');
    s = reduce(s, { type: 'gcPhase', phase: 5 });
    assert.equal(s.gcPhase, 1);
    s = reduce(s, { type: 'gcPhase', phase: -1 });
    assert.equal(s.gcPhase, 0);
  });

  it('round-trips the persisted view state', () => {
    let s = loaded(20);
    s = reduce(s, { type: 'goto', step: 12 });
    s = reduce(s, { type: 'tab', tab: 'memory' });
    s = reduce(s, { type: 'showShared', show: true });
    s = reduce(s, { type: 'toggleKind', kind: 'gil' });
    const saved = JSON.parse(JSON.stringify(persisted(s)));
    const back = initialState(saved);
    assert.equal(back.step, 12);
    assert.equal(back.tab, 'memory');
    assert.equal(back.showShared, true);
    assert.deepEqual(back.kinds, s.kinds);
    assert.equal(back.uri, 'file:///a.py');
  });
});

describe('StepRequester', () => {
  it('keeps one request in flight and asks only the latest wish next', () => {
    const sent: number[] = [];
    const r = new StepRequester((s) => sent.push(s));
    r.want(1);
    r.want(2);
    r.want(3);
    assert.deepEqual(sent, [1]);
    assert.equal(r.received(1), false);
    assert.deepEqual(sent, [1, 3]);
    assert.equal(r.received(3), true);
    r.want(4);
    assert.deepEqual(sent, [1, 3, 4]);
  });

  it('asks again when an answer was lost', () => {
    let now = 0;
    const sent: number[] = [];
    const r = new StepRequester((s) => sent.push(s), () => now, 1000);
    r.want(1);
    r.want(2);
    assert.deepEqual(sent, [1]);
    now = 1500;
    r.want(3);
    assert.deepEqual(sent, [1, 3]);
  });
});
