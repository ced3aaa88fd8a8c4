// The panel's state and its pure reducer: every change the webview makes goes through `reduce`, so the
// logic (clamping, filters, playback, restore) is unit-tested without a DOM.
import { EVENT_FILTER_KINDS } from '../../src/protocol/panel';
import type {
  EventFilterKind, EventPage, GcSimulationView, PanelTab, PanelViewState, SessionInfo, StepSnapshot,
} from '../../src/protocol/panel';

export type CollapseMode = 'auto' | 'on' | 'off';

export interface PanelState {
  session: SessionInfo | null;
  /** why there is no session (shown instead of the panel) */
  message: string;
  busy: boolean;
  /** the step the scrubber is on (the snapshot may still be on its way) */
  step: number;
  snapshot: StepSnapshot | null;
  tab: PanelTab;
  playing: boolean;
  /** steps per second while playing */
  speed: number;
  kinds: EventFilterKind[];
  /** the event log follows the scrubber */
  followLog: boolean;
  eventPage: EventPage | null;
  showShared: boolean;
  /** show temporaries and constants (objects only the stack, constants or the interpreter hold) */
  showLoose: boolean;
  collapse: CollapseMode;
  search: string;
  selected: number | null;
  /** show only this object's neighbourhood */
  focus: number | null;
  gcSim: GcSimulationView | null;
  gcPhase: number;
  notice: { level: 'info' | 'warning' | 'error'; message: string } | null;
  zoom: number;
  panX: number;
  panY: number;
  inspectorOpen: boolean;
  /** the uri of the document the state belongs to (persisted for the serializer) */
  uri?: string;
}

export const SPEEDS = [1, 2, 5, 10, 25, 60] as const;

export function initialState(saved?: PanelViewState | null): PanelState {
  return {
    session: null,
    message: 'Waiting for a simulation…',
    busy: false,
    step: saved?.step ?? 0,
    snapshot: null,
    tab: saved?.tab ?? 'heap',
    playing: false,
    speed: 5,
    kinds: saved?.kinds ? EVENT_FILTER_KINDS.filter((k) => saved.kinds.includes(k)) : [...EVENT_FILTER_KINDS],
    followLog: saved?.followLog ?? true,
    eventPage: null,
    showShared: saved?.showShared ?? false,
    showLoose: saved?.showLoose ?? false,
    collapse: saved?.collapse ?? 'auto',
    search: saved?.search ?? '',
    selected: null,
    focus: null,
    gcSim: null,
    gcPhase: 0,
    notice: null,
    zoom: saved?.zoom ?? 1,
    panX: saved?.panX ?? 0,
    panY: saved?.panY ?? 0,
    inspectorOpen: saved?.inspectorOpen ?? true,
    ...(saved?.uri ? { uri: saved.uri } : {}),
  };
}

export function persisted(s: PanelState): PanelViewState {
  return {
    ...(s.uri ? { uri: s.uri } : {}),
    step: s.step, tab: s.tab, kinds: [...s.kinds], showShared: s.showShared, showLoose: s.showLoose, collapse: s.collapse,
    search: s.search, zoom: s.zoom, panX: s.panX, panY: s.panY, followLog: s.followLog, inspectorOpen: s.inspectorOpen,
  };
}

export type Action =
  | { type: 'session'; session: SessionInfo | null; message?: string }
  | { type: 'busy'; busy: boolean }
  | { type: 'snapshot'; snapshot: StepSnapshot }
  | { type: 'goto'; step: number }
  | { type: 'stepBy'; delta: number }
  | { type: 'play' }
  | { type: 'pause' }
  | { type: 'togglePlay' }
  | { type: 'tick' }
  | { type: 'speed'; speed: number }
  | { type: 'tab'; tab: PanelTab }
  | { type: 'toggleKind'; kind: EventFilterKind }
  | { type: 'setKinds'; kinds: EventFilterKind[] }
  | { type: 'followLog'; follow: boolean }
  | { type: 'eventPage'; page: EventPage }
  | { type: 'showShared'; show: boolean }
  | { type: 'showLoose'; show: boolean }
  | { type: 'collapse'; mode: CollapseMode }
  | { type: 'search'; text: string }
  | { type: 'select'; id: number | null }
  | { type: 'focus'; id: number | null }
  | { type: 'gcSimulation'; simulation: GcSimulationView | null }
  | { type: 'gcPhase'; phase: number }
  | { type: 'notice'; level: 'info' | 'warning' | 'error'; message: string }
  | { type: 'dismissNotice' }
  | { type: 'view'; zoom: number; panX: number; panY: number }
  | { type: 'inspector'; open: boolean };

export function lastStep(s: PanelState): number {
  return Math.max(0, (s.session?.stepCount ?? 1) - 1);
}

export function clampStep(s: PanelState, step: number): number {
  if (!Number.isFinite(step)) return s.step;
  return Math.max(0, Math.min(lastStep(s), Math.round(step)));
}

export function reduce(s: PanelState, a: Action): PanelState {
  switch (a.type) {
    case 'session': {
      if (!a.session) return { ...s, session: null, snapshot: null, eventPage: null, playing: false, gcSim: null, message: a.message ?? 'Nothing to show.' };
      const sameDoc = s.session?.uri === a.session.uri;
      const next: PanelState = {
        ...s, session: a.session, message: '', eventPage: null, gcSim: null, gcPhase: 0, uri: a.session.uri,
        // a new document starts fresh; a new run of the same document keeps the view
        ...(sameDoc ? {} : { selected: null, focus: null, search: '', zoom: 1, panX: 0, panY: 0, step: 0 }),
      };
      next.step = clampStep(next, next.step);
      if (next.snapshot && next.snapshot.sessionId !== a.session.sessionId) next.snapshot = sameDoc ? next.snapshot : null;
      return next;
    }
    case 'busy':
      return { ...s, busy: a.busy };
    case 'snapshot': {
      if (!s.session || a.snapshot.sessionId !== s.session.sessionId) return s;
      const ids = new Set(a.snapshot.objects.map((o) => o.id));
      return {
        ...s, snapshot: a.snapshot,
        selected: s.selected !== null && ids.has(s.selected) ? s.selected : null,
        focus: s.focus !== null && !ids.has(s.focus) ? null : s.focus,
      };
    }
    case 'goto':
      return { ...s, step: clampStep(s, a.step) };
    case 'stepBy':
      return { ...s, step: clampStep(s, s.step + a.delta), playing: false };
    case 'play':
      if (!s.session) return s;
      return { ...s, playing: true, step: s.step >= lastStep(s) ? 0 : s.step };
    case 'pause':
      return { ...s, playing: false };
    case 'togglePlay':
      return reduce(s, { type: s.playing ? 'pause' : 'play' });
    case 'tick': {
      if (!s.playing) return s;
      const step = clampStep(s, s.step + 1);
      return { ...s, step, playing: step < lastStep(s) };
    }
    case 'speed':
      return { ...s, speed: Math.max(1, Math.min(120, a.speed)) };
    case 'tab':
      return { ...s, tab: a.tab };
    case 'toggleKind': {
      const has = s.kinds.includes(a.kind);
      const kinds = EVENT_FILTER_KINDS.filter((k) => (k === a.kind ? !has : s.kinds.includes(k)));
      return { ...s, kinds, eventPage: null };
    }
    case 'setKinds':
      return { ...s, kinds: EVENT_FILTER_KINDS.filter((k) => a.kinds.includes(k)), eventPage: null };
    case 'followLog':
      return { ...s, followLog: a.follow };
    case 'eventPage':
      if (!s.session || a.page.sessionId !== s.session.sessionId) return s;
      if (a.page.kinds.join() !== s.kinds.join()) return s; // an answer to an older filter
      return { ...s, eventPage: a.page };
    case 'showShared':
      return { ...s, showShared: a.show };
    case 'showLoose':
      return { ...s, showLoose: a.show };
    case 'collapse':
      return { ...s, collapse: a.mode };
    case 'search':
      return { ...s, search: a.text };
    case 'select':
      return { ...s, selected: a.id, inspectorOpen: a.id !== null ? true : s.inspectorOpen };
    case 'focus':
      return { ...s, focus: a.id, selected: a.id ?? s.selected };
    case 'gcSimulation':
      return { ...s, gcSim: a.simulation, gcPhase: 0, tab: a.simulation ? 'heap' : s.tab };
    case 'gcPhase': {
      const n = s.gcSim?.phases.length ?? 0;
      return { ...s, gcPhase: n ? Math.max(0, Math.min(n - 1, a.phase)) : 0 };
    }
    case 'notice':
      return { ...s, notice: { level: a.level, message: a.message } };
    case 'dismissNotice':
      return { ...s, notice: null };
    case 'view':
      return { ...s, zoom: Math.max(0.05, Math.min(4, a.zoom)), panX: a.panX, panY: a.panY };
    case 'inspector':
      return { ...s, inspectorOpen: a.open };
  }
}

/**
 * Keeps at most one step request in flight: while the host is answering, newer wishes replace each
 * other and only the latest is asked next (scrubbing never floods the host).
 */
export class StepRequester {
  private inFlight: number | null = null;
  private wanted: number | null = null;
  private inFlightSince = 0;

  constructor(private readonly send: (step: number) => void, private readonly now: () => number = () => Date.now(), private readonly timeoutMs = 3000) {}

  want(step: number): void {
    this.wanted = step;
    // a lost answer (panel hidden while asking) must not block scrubbing forever
    if (this.inFlight === null || this.now() - this.inFlightSince > this.timeoutMs) this.flush();
  }

  /** An answer for `step` arrived; returns true when it is the latest wish (nothing else to ask). */
  received(step: number): boolean {
    if (this.inFlight === step) this.inFlight = null;
    if (this.wanted === step) {
      this.wanted = null;
      return true;
    }
    if (this.inFlight === null) this.flush();
    return this.wanted === null;
  }

  reset(): void {
    this.inFlight = null;
    this.wanted = null;
  }

  get pending(): number | null {
    return this.inFlight;
  }

  private flush(): void {
    if (this.wanted === null) return;
    this.inFlight = this.wanted;
    this.inFlightSince = this.now();
    this.send(this.wanted);
  }
}
