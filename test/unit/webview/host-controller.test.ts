// The panel's host logic end to end over its typed messages, with the real Timeline on synthetic runs:
// handshake, bounded snapshots, stale requests, editor line highlighting and reveal, gc simulation,
// and the HTML's Content-Security-Policy.
import assert from 'node:assert/strict';
import { PanelController } from '../../../src/host/panel/controller';
import { contentSecurityPolicy, makeNonce, panelHtml } from '../../../src/host/panel/html';
import type { PanelDataSource, PanelRun } from '../../../src/host/panel/types';
import type { ToWebview } from '../../../src/protocol/panel';
import { bigHeapProgram, cycleGcView, cycleProgram, runOf } from './fixtures/programs';

function harness(run: PanelRun | undefined, extra: Partial<PanelDataSource> = {}) {
  const out: ToWebview[] = [];
  const highlights: (number | null)[] = [];
  const reveals: number[] = [];
  let listener: (() => void) | null = null;
  let current = run;
  const source: PanelDataSource = {
    currentRun: () => current,
    onDidChange: (l) => { listener = l; return { dispose: () => { listener = null; } }; },
    highlightLine: (_uri, line) => highlights.push(line),
    revealLine: (_uri, line) => reveals.push(line),
    ...extra,
  };
  const c = new PanelController((m) => out.push(m), source);
  const setRun = (r: PanelRun | undefined) => { current = r; listener?.(); };
  const last = <T extends ToWebview['type']>(type: T) => [...out].reverse().find((m) => m.type === type) as Extract<ToWebview, { type: T }> | undefined;
  return { c, out, highlights, reveals, setRun, last };
}

describe('panel host: controller', () => {
  it('answers ready with busy state, the session and the step to show; nothing before ready', () => {
    const h = harness(runOf(cycleProgram()));
    assert.equal(h.out.length, 0, 'no message before the webview is ready');
    h.c.onMessage({ type: 'ready', state: null });
    assert.deepEqual(h.out.map((m) => m.type), ['busy', 'session', 'gotoStep']);
    const ses = h.last('session')!.session!;
    assert.equal(ses.fileName, 'cycle.py');
    assert.equal(ses.stepCount, runOf(cycleProgram()).timeline.stepCount);
  });

  it('restores the saved step on ready', () => {
    const h = harness(runOf(cycleProgram()));
    h.c.onMessage({ type: 'ready', state: { step: 12, tab: 'heap', kinds: [], showShared: false, collapse: 'auto', search: '', zoom: 1, panX: 0, panY: 0, followLog: true, inspectorOpen: true } });
    assert.equal(h.last('gotoStep')!.step, 12);
  });

  it('sends one snapshot per request, highlights the line, and ignores other sessions', () => {
    const run = runOf(cycleProgram());
    const h = harness(run);
    h.c.onMessage({ type: 'ready', state: null });
    const sid = h.last('session')!.session!.sessionId;
    h.c.onMessage({ type: 'requestStep', sessionId: sid, step: 16 });
    const snap = h.last('step')!.snapshot;
    assert.equal(snap.step, 16);
    assert.equal(snap.line, run.timeline.stepInfo(16).line);
    assert.equal(snap.objects.length, run.timeline.stateAt(16).objects.length);
    assert.ok(snap.weakEdges.length === 1, 'the weakref points at a Node');
    assert.deepEqual(h.highlights, [run.timeline.stepInfo(16).line]);
    const n = h.out.length;
    h.c.onMessage({ type: 'requestStep', sessionId: sid + 100, step: 3 });
    assert.equal(h.out.length, n);
    h.c.onMessage({ type: 'requestStep', sessionId: sid, step: 10_000 });
    assert.equal(h.last('step')!.snapshot.step, run.timeline.stepCount - 1, 'clamped');
  });

  it('bounds a snapshot and summarises the rest per type', () => {
    const run = runOf(bigHeapProgram(400));
    const h = harness(run);
    h.c.onMessage({ type: 'ready', state: null });
    const sid = h.last('session')!.session!.sessionId;
    const step = run.timeline.stepCount - 1;
    h.c.onMessage({ type: 'requestStep', sessionId: sid, step });
    const snap = h.last('step')!.snapshot;
    assert.ok(snap.objects.length <= 5000);
    assert.equal(snap.objectCount, run.timeline.stateAt(step).objects.length);
    assert.equal(snap.objects[0].type, 'list', 'reachable from the frame first');
    assert.ok(snap.events.length <= 200);
  });

  it('sends a new session when the document is simulated again', () => {
    const h = harness(runOf(cycleProgram()));
    h.c.onMessage({ type: 'ready', state: null });
    const first = h.last('session')!.session!.sessionId;
    h.setRun(runOf(cycleProgram(), '3.13', 2));
    const again = h.last('session')!.session!;
    assert.notEqual(again.sessionId, first);
    assert.equal(again.pythonVersion, '3.13');
    assert.deepEqual(again.gc.thresholds, [2000, 10, 10]);
    h.setRun(undefined);
    const none = h.last('session')!;
    assert.equal(none.session, null);
    assert.match(none.message ?? '', /Open a Python file/);
  });

  it('moves the scrubber to the next run of an editor line, wrapping around', () => {
    const run = runOf(bigHeapProgram(5));
    const h = harness(run);
    h.c.onMessage({ type: 'ready', state: null });
    const steps = [...Array(run.timeline.stepCount).keys()].filter((s) => run.timeline.stepInfo(s).line === 3);
    assert.ok(h.c.revealLine(3));
    assert.equal(h.last('gotoStep')!.step, steps[0]);
    h.c.revealLine(3);
    assert.equal(h.last('gotoStep')!.step, steps[1]);
    for (let i = 0; i < 4; i++) h.c.revealLine(3);
    assert.equal(h.last('gotoStep')!.step, steps[0], 'wrapped');
    assert.equal(h.c.revealLine(99), false);
  });

  it('relays line reveals and gc simulations; says so when gc simulation is not available', async () => {
    const run = runOf(cycleProgram());
    const h = harness(run);
    h.c.onMessage({ type: 'ready', state: null });
    const sid = h.last('session')!.session!.sessionId;
    h.c.onMessage({ type: 'revealLine', sessionId: sid, line: 12 });
    assert.deepEqual(h.reveals, [12]);
    h.c.onMessage({ type: 'simulateGc', sessionId: sid, step: 17, generation: 2 });
    await new Promise((r) => setTimeout(r, 0));
    assert.match(h.last('notice')!.message, /not available/);

    const h2 = harness(run, { simulateGc: async (r) => cycleGcView(r) });
    h2.c.onMessage({ type: 'ready', state: null });
    h2.c.onMessage({ type: 'simulateGc', sessionId: h2.last('session')!.session!.sessionId, step: 17, generation: 2 });
    await new Promise((r) => setTimeout(r, 0));
    const sim = h2.last('gcSimulation')!.simulation;
    assert.equal(sim.unreachable.length, 2);
    assert.ok(sim.phases.some((p) => p.phase === 'move_unreachable'));
  });

  it('pages the event log for the webview', () => {
    const h = harness(runOf(cycleProgram()));
    h.c.onMessage({ type: 'ready', state: null });
    const sid = h.last('session')!.session!.sessionId;
    h.c.onMessage({ type: 'requestEvents', request: { sessionId: sid, kinds: ['dealloc'], offset: 0, limit: 50 } });
    const page = h.last('eventPage')!.page;
    assert.ok(page.total >= 4);
    assert.ok(page.events.every((e) => e.kind === 'dealloc'));
    assert.ok(page.events.some((e) => e.reason === 'gc'));
  });
});

describe('panel host: html', () => {
  it('has a strict CSP: nonce-only scripts, nothing remote, no unsafe-*', () => {
    const nonce = makeNonce();
    assert.match(nonce, /^[A-Za-z0-9]{32}$/);
    const csp = contentSecurityPolicy('vscode-resource:', nonce);
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, new RegExp(`script-src 'nonce-${nonce}'`));
    assert.doesNotMatch(csp, /unsafe|https?:|\*/);
    const html = panelHtml({ cspSource: 'vscode-resource:', nonce, scriptUri: 'vscode-resource:/dist/webview.js', styleUri: 'vscode-resource:/media/panel.css' });
    const scripts = html.match(/<script[^>]*>/g) ?? [];
    assert.equal(scripts.length, 1);
    assert.ok(scripts.every((s) => s.includes(`nonce="${nonce}"`)));
    assert.match(html, /<meta property="csp-nonce"/, 'the UI toolkit reads its style nonce from here');
  });
});
