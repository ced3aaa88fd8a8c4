// SimulationService: decides when each open document is simulated and which result may be shown.
// One run per document at a time; a newer document version (or Python version) cancels the run in
// flight; edits are debounced; a result is kept only if it belongs to the version still wanted, and
// is only ever handed out for exactly that document version. No vscode import: unit-tested in Node.
import type { Budgets, PythonVersion, SimulationResult } from '../../engine/api';
import type { Timeline } from '../../engine/trace/timeline';
import type { RunHandle, SimulationRunner } from './runner';

export interface DocSnapshot {
  /** stable key of the document (its URI string) */
  key: string;
  docVersion: number;
  source: string;
  filename: string;
}

export interface RunSettings {
  pythonVersion: PythonVersion;
  budgets: Partial<Budgets>;
}

/** What a finished run left for one document version. */
export interface SimulationEntry {
  key: string;
  docVersion: number;
  pythonVersion: PythonVersion;
  source: string;
  /** present when the engine answered (whatever the simulation's own status) */
  result?: SimulationResult;
  /** the result's timeline when the runner built it already (in slices, see runner.ts) */
  timeline?: Timeline;
  /** present when the worker failed (crash, out of memory, engine exception) */
  error?: string;
  /** the budgets the run had, as a comparable key */
  budgetsKey: string;
  /** monotonically increasing, to tell entries apart */
  serial: number;
}

function budgetsKey(b: Partial<Budgets>): string {
  return JSON.stringify([b.maxSteps, b.maxTimeMs, b.maxMemoryBytes, b.maxEvents]);
}

export type ServiceEvent =
  | { kind: 'started'; key: string; docVersion: number; pythonVersion: PythonVersion }
  | { kind: 'finished'; entry: SimulationEntry }
  | { kind: 'invalidated'; key: string; docVersion: number }
  | { kind: 'forgotten'; key: string };

export interface Clock {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realClock: Clock = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

interface Wanted {
  snapshot: DocSnapshot;
  settings: RunSettings;
}

interface DocState {
  wanted?: Wanted;
  timer?: unknown;
  running?: { docVersion: number; pythonVersion: PythonVersion; budgetsKey: string; handle: RunHandle };
  entry?: SimulationEntry;
  waiters: { docVersion: number; resolve: (e: SimulationEntry | undefined) => void }[];
}

export class SimulationService {
  private readonly docs = new Map<string, DocState>();
  private readonly listeners = new Set<(e: ServiceEvent) => void>();
  private serial = 0;
  private disposed = false;

  constructor(
    private readonly runner: SimulationRunner,
    private readonly settingsFor: (key: string) => RunSettings,
    private readonly clock: Clock = realClock,
  ) {}

  onEvent(listener: (e: ServiceEvent) => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  /**
   * Ask for `snapshot` to be simulated after `delayMs` (0 = now). A newer snapshot replaces an older
   * one still waiting, and cancels a run of an older version at once: its result could never be shown.
   */
  schedule(snapshot: DocSnapshot, delayMs: number): void {
    if (this.disposed) return;
    const state = this.state(snapshot.key);
    const settings = this.settingsFor(snapshot.key);
    const prev = state.entry;
    const bk = budgetsKey(settings.budgets);
    if (prev && prev.docVersion === snapshot.docVersion && prev.pythonVersion === settings.pythonVersion && prev.budgetsKey === bk && prev.source === snapshot.source) {
      // Already have exactly this: drop any stale pending request or run.
      this.clearTimer(state);
      state.wanted = undefined;
      state.running?.handle.cancel();
      return;
    }
    const run = state.running;
    if (run && run.docVersion === snapshot.docVersion && run.pythonVersion === settings.pythonVersion && run.budgetsKey === bk) {
      state.wanted = undefined;
      this.clearTimer(state);
      return; // the very same run is already under way
    }
    const stale = state.waiters.filter((w) => w.docVersion < snapshot.docVersion);
    state.waiters = state.waiters.filter((w) => w.docVersion >= snapshot.docVersion);
    for (const w of stale) w.resolve(undefined);
    if (state.entry && state.entry.docVersion !== snapshot.docVersion) this.emit({ kind: 'invalidated', key: snapshot.key, docVersion: snapshot.docVersion });
    state.wanted = { snapshot, settings };
    if (run) run.handle.cancel();
    this.clearTimer(state);
    if (delayMs <= 0) this.start(snapshot.key);
    else state.timer = this.clock.setTimeout(() => this.start(snapshot.key), delayMs);
  }

  /** The document changed and will not be re-simulated now (live update off): its entry is stale. */
  invalidate(key: string, docVersion: number): void {
    const state = this.docs.get(key);
    if (state?.entry && state.entry.docVersion !== docVersion) this.emit({ kind: 'invalidated', key, docVersion });
  }

  /** The entry for exactly this document version, if its simulation has finished. */
  get(key: string, docVersion: number): SimulationEntry | undefined {
    const entry = this.docs.get(key)?.entry;
    return entry && entry.docVersion === docVersion ? entry : undefined;
  }

  /** The latest finished entry of a document, whatever its version (for status displays only). */
  latest(key: string): SimulationEntry | undefined {
    return this.docs.get(key)?.entry;
  }

  isRunning(key: string): boolean {
    const s = this.docs.get(key);
    return !!s && (!!s.running || s.timer !== undefined);
  }

  /**
   * Resolves with the entry of this document version once it exists, or undefined after `timeoutMs`,
   * or as soon as the document is forgotten.
   */
  whenReady(key: string, docVersion: number, timeoutMs: number): Promise<SimulationEntry | undefined> {
    const ready = this.get(key, docVersion);
    if (ready) return Promise.resolve(ready);
    if (this.disposed) return Promise.resolve(undefined);
    const state = this.state(key);
    return new Promise((resolve) => {
      const waiter = { docVersion, resolve: (e: SimulationEntry | undefined) => { this.clock.clearTimeout(timer); resolve(e); } };
      const timer = this.clock.setTimeout(() => {
        const i = state.waiters.indexOf(waiter);
        if (i >= 0) state.waiters.splice(i, 1);
        resolve(undefined);
      }, timeoutMs);
      state.waiters.push(waiter);
    });
  }

  /** Drop everything about a closed document. */
  forget(key: string): void {
    const state = this.docs.get(key);
    if (!state) return;
    this.clearTimer(state);
    state.running?.handle.cancel();
    for (const w of state.waiters.splice(0)) w.resolve(undefined);
    this.docs.delete(key);
    this.emit({ kind: 'forgotten', key });
  }

  keys(): string[] {
    return [...this.docs.keys()];
  }

  dispose(): void {
    this.disposed = true;
    for (const key of [...this.docs.keys()]) this.forget(key);
    this.listeners.clear();
  }

  private start(key: string): void {
    const state = this.docs.get(key);
    if (!state) return;
    this.clearTimer(state);
    const wanted = state.wanted;
    if (!wanted) return;
    if (state.running) return; // the cancelled run is still winding down; start when it settles
    state.wanted = undefined;
    const { snapshot, settings } = wanted;
    const handle = this.runner.run({ source: snapshot.source, version: settings.pythonVersion, budgets: settings.budgets, filename: snapshot.filename });
    const running = { docVersion: snapshot.docVersion, pythonVersion: settings.pythonVersion, budgetsKey: budgetsKey(settings.budgets), handle };
    state.running = running;
    this.emit({ kind: 'started', key, docVersion: snapshot.docVersion, pythonVersion: settings.pythonVersion });
    void handle.done.then((outcome) => {
      if (this.docs.get(key) !== state || state.running !== running) return;
      state.running = undefined;
      const superseded = state.wanted !== undefined;
      if (outcome.kind !== 'cancelled' && !superseded) {
        const entry: SimulationEntry = {
          key,
          docVersion: snapshot.docVersion,
          pythonVersion: settings.pythonVersion,
          source: snapshot.source,
          budgetsKey: running.budgetsKey,
          serial: ++this.serial,
          ...(outcome.kind === 'result' ? { result: outcome.result, ...(outcome.timeline ? { timeline: outcome.timeline } : {}) } : { error: outcome.message }),
        };
        state.entry = entry;
        const waiting = state.waiters.filter((w) => w.docVersion === entry.docVersion);
        state.waiters = state.waiters.filter((w) => w.docVersion !== entry.docVersion);
        for (const w of waiting) w.resolve(entry);
        this.emit({ kind: 'finished', entry });
      }
      // A newer request waited for this run to wind down: start it unless its debounce still runs.
      if (state.wanted && state.timer === undefined) this.start(key);
    });
  }

  private state(key: string): DocState {
    let s = this.docs.get(key);
    if (!s) {
      s = { waiters: [] };
      this.docs.set(key, s);
    }
    return s;
  }

  private clearTimer(state: DocState): void {
    if (state.timer !== undefined) {
      this.clock.clearTimeout(state.timer);
      state.timer = undefined;
    }
  }

  private emit(e: ServiceEvent): void {
    for (const l of [...this.listeners]) l(e);
  }
}
