// The panel's host logic without vscode: answers the webview's messages from the current run (one
// snapshot per request, bounded pages of events), loads new runs as sessions, moves the scrubber for
// the editor, relays gc simulations. panel.ts wraps it in a WebviewPanel; the preview script and the
// unit tests drive it directly.
import { PANEL_LIMITS } from '../../protocol/panel';
import type { FromWebview, GcSimulationView, ToWebview } from '../../protocol/panel';
import { EventIndex } from './eventlog';
import { buildSession, gcCountSamples, liveBytesPerStep } from './session';
import { buildSnapshot } from './snapshot';
import type { PanelDataSource, PanelRun, Unsubscribe } from './types';

interface LoadedRun {
  run: PanelRun;
  sessionId: number;
  index: EventIndex;
  gcSamples: ReturnType<typeof gcCountSamples>;
}

let nextSessionId = 1;

export class PanelController {
  private loaded: LoadedRun | undefined;
  private ready = false;
  private step = 0;
  private pendingStep: number | undefined;
  private lastBusy: boolean | undefined;
  private lastGc: { sessionId: number; simulation: GcSimulationView } | undefined;
  private sourceSub: Unsubscribe | undefined;

  constructor(
    private readonly post: (m: ToWebview) => void,
    private source: PanelDataSource,
    private readonly isVisible: () => boolean = () => true,
    initialStep = 0,
    /** called after a new run was loaded (e.g. to retitle the panel) */
    private readonly onRunLoaded: () => void = () => {},
  ) {
    this.step = initialStep;
    this.setSource(source);
  }

  setSource(source: PanelDataSource): void {
    this.sourceSub?.dispose();
    this.source = source;
    this.sourceSub = source.onDidChange(() => this.refresh());
    this.refresh();
  }

  get currentStep(): number {
    return this.step;
  }

  get documentUri(): string | undefined {
    return this.loaded?.run.uri;
  }

  get sessionId(): number | undefined {
    return this.loaded?.sessionId;
  }

  revealStep(step: number): void {
    this.step = step;
    if (this.loaded && this.ready) this.post({ type: 'gotoStep', sessionId: this.loaded.sessionId, step });
    else this.pendingStep = step;
  }

  /** Next step running `line` after the current one (wrapping around); false if the line never ran. */
  revealLine(line: number): boolean {
    const l = this.loaded;
    if (!l) return false;
    const n = l.index.stepCount;
    for (let k = 1; k <= n; k++) {
      const s = (this.step + k) % n;
      if (l.index.stepLine[s] === line) {
        this.revealStep(s);
        return true;
      }
    }
    return false;
  }

  showGcSimulation(simulation: GcSimulationView): boolean {
    const l = this.loaded;
    if (!l) return false;
    this.lastGc = { sessionId: l.sessionId, simulation };
    if (this.ready) this.post({ type: 'gcSimulation', sessionId: l.sessionId, simulation });
    return true;
  }

  refresh(): void {
    const busy = this.source.isBusy?.() ?? false;
    if (busy !== this.lastBusy && this.ready) {
      this.lastBusy = busy;
      this.post({ type: 'busy', busy });
    }
    const run = this.source.currentRun();
    if (run === this.loaded?.run && run !== undefined) return;
    if (!run) {
      if (this.loaded || !this.ready) {
        this.loaded = undefined;
        if (this.ready) this.sendSession();
      }
      return;
    }
    const index = new EventIndex(run.result.events);
    this.loaded = { run, sessionId: nextSessionId++, index, gcSamples: gcCountSamples(run.result.events, index) };
    this.lastGc = undefined;
    this.onRunLoaded();
    if (this.ready) this.sendSession();
  }

  private sendSession(): void {
    const l = this.loaded;
    if (!l) {
      this.post({ type: 'session', session: null, message: 'Open a Python file to see its memory.' });
      return;
    }
    if (l.run.result.events.length === 0) {
      const d = l.run.result.diagnostics[0];
      this.post({ type: 'session', session: null, message: `Nothing to show for ${l.run.fileName}: ${d ? `line ${d.range.startLine}: ${d.message}` : `no events were recorded (status ${l.run.result.status})`}.` });
      return;
    }
    const live = liveBytesPerStep(l.run.result.events, l.index);
    this.post({ type: 'session', session: buildSession(l.run, l.index, l.sessionId, live) });
    const step = Math.max(0, Math.min(this.pendingStep ?? this.step, l.index.stepCount - 1));
    this.pendingStep = undefined;
    this.step = step;
    this.post({ type: 'gotoStep', sessionId: l.sessionId, step });
    if (this.lastGc?.sessionId === l.sessionId) this.post({ type: 'gcSimulation', ...this.lastGc });
  }

  onMessage(m: FromWebview): void {
    const l = this.loaded;
    switch (m.type) {
      case 'ready':
        this.ready = true;
        if (m.state && this.pendingStep === undefined) this.step = m.state.step;
        this.lastBusy = undefined;
        this.refresh();
        if (this.lastBusy === undefined) {
          this.lastBusy = this.source.isBusy?.() ?? false;
          this.post({ type: 'busy', busy: this.lastBusy });
        }
        this.sendSession();
        return;
      case 'requestStep': {
        if (!l || m.sessionId !== l.sessionId) return;
        const step = Math.max(0, Math.min(m.step, l.index.stepCount - 1));
        this.step = step;
        const state = l.run.timeline.stateAt(step);
        this.post({ type: 'step', snapshot: buildSnapshot({ sessionId: l.sessionId, step, state, index: l.index, stdout: l.run.timeline.stdoutAt(step), gcSamples: l.gcSamples }) });
        if (this.isVisible()) this.source.highlightLine(l.run.uri, l.index.lineOfStep(step));
        return;
      }
      case 'requestEvents':
        if (!l || m.request.sessionId !== l.sessionId) return;
        this.post({ type: 'eventPage', page: l.index.page({ ...m.request, limit: Math.min(m.request.limit, PANEL_LIMITS.eventPage) }) });
        return;
      case 'revealLine':
        if (l && m.sessionId === l.sessionId) this.source.revealLine(l.run.uri, m.line);
        return;
      case 'simulateGc':
        if (l && m.sessionId === l.sessionId) void this.simulateGc(l, m.step, m.generation);
        return;
    }
  }

  private async simulateGc(l: LoadedRun, step: number, generation: number): Promise<void> {
    if (!this.source.simulateGc) {
      this.post({ type: 'notice', level: 'info', message: 'Simulating gc.collect() is not available in this build yet.' });
      return;
    }
    try {
      const r = await this.source.simulateGc(l.run, step, generation);
      if (typeof r === 'string') this.post({ type: 'notice', level: 'info', message: r });
      else if (this.loaded === l) this.showGcSimulation(r);
    } catch (e) {
      this.post({ type: 'notice', level: 'error', message: `gc.collect() simulation failed: ${e instanceof Error ? e.message : String(e)}` });
    }
  }

  clearHighlight(): void {
    if (this.loaded) this.source.highlightLine(this.loaded.run.uri, null);
  }

  dispose(): void {
    this.clearHighlight();
    this.sourceSub?.dispose();
  }
}
