// The typed messages between the memory panel's host side (src/host/panel) and its webview (webview/),
// and the payloads they carry. Types only: nothing here runs. The host sends complete snapshots or
// bounded slices (one step, one page of events, downsampled series), never an unbounded stream.

import type { LineSummary } from '../engine/api';

export const PANEL_VIEW_TYPE = 'pythonMemoryLens.memoryPanel';

/** Upper bounds the host respects when it builds payloads (the webview may rely on them). */
export const PANEL_LIMITS = {
  /** objects in one step snapshot; the rest are summarised per type in `omitted` */
  snapshotObjects: 5000,
  /** events of the current step carried inside a snapshot */
  stepEvents: 200,
  /** rows in one page of the event log */
  eventPage: 500,
  /** points of the live-bytes and gc-count series */
  seriesPoints: 800,
  /** gc collections / GIL switch markers listed in a session */
  markers: 2000,
  /** segments per thread lane of the GIL view */
  laneSegments: 4000,
  /** rows of the per-line table */
  lineRows: 5000,
  /** characters of program output carried in a snapshot (its tail) */
  stdoutTail: 4000,
} as const;

export type ObjId = number;
export type FrameId = number;
export type PanelObjFlag = 'small-int' | 'interned' | 'immortal' | 'shared' | 'const';

/** Who holds a reference (same shape as the engine's Holder). */
export type PanelHolder =
  | { kind: 'object'; obj: ObjId; label: string }
  | { kind: 'name'; frame: FrameId; name: string; scope: 'local' | 'global' | 'cell' | 'class' }
  | { kind: 'stack'; frame: FrameId }
  | { kind: 'arena' }
  | { kind: 'interpreter'; what: string }
  /** a reference nobody named (C temporaries, the creator's first reference) */
  | { kind: 'temporary' };

export interface PanelReferrer {
  holder: PanelHolder;
  count: number;
  text: string;
}

export interface PanelObject {
  id: ObjId;
  type: string;
  size: number;
  refcount: number;
  flags: PanelObjFlag[];
  /** allocation line */
  line: number;
  repr: string;
  length?: number;
  gcTracked: boolean;
  /** 0, 1, 2 when tracked; 3 = permanent (frozen) */
  generation?: number;
  referrers: PanelReferrer[];
  /**
   * The next link up the shortest chain of references from a root that keeps the object alive
   * (objgraph's find_backref_chain): the holder object and its reference's text, or for an object a
   * root holds directly, only the text. Absent when only reference cycles keep it alive.
   */
  keptBy?: { obj?: ObjId; text: string };
}

export interface PanelFrame {
  id: FrameId;
  name: string;
  parent: FrameId | null;
  line: number;
  names: { name: string; obj: ObjId }[];
  thread: number;
}

/** A weak reference from a weakref object to its referent (drawn dashed). */
export interface PanelWeakEdge {
  from: ObjId;
  to: ObjId;
}

export type PanelEventKind =
  | 'line' | 'alloc' | 'incref' | 'decref' | 'move' | 'dealloc' | 'update' | 'call' | 'return'
  | 'exception' | 'output' | 'gc' | 'gil' | 'thread' | 'lock' | 'heap';

/** The event log's filter groups (every other kind is 'other'). */
export type EventFilterKind = 'alloc' | 'incref' | 'decref' | 'dealloc' | 'gc' | 'gil' | 'other';
export const EVENT_FILTER_KINDS: readonly EventFilterKind[] = ['alloc', 'incref', 'decref', 'dealloc', 'gc', 'gil', 'other'];

/** One event as the panel shows it: already formatted by the host. */
export interface PanelEvent {
  /** index in the run's event stream */
  index: number;
  step: number;
  line: number;
  kind: PanelEventKind;
  text: string;
  /** the object the event is about, when there is one */
  obj?: ObjId;
  /** dealloc only */
  reason?: 'refcount' | 'gc';
  /** dealloc only: the object died while the cyclic GC was collecting (between its start and stop) */
  duringGc?: boolean;
}

/** The state of the heap after one step, bounded by PANEL_LIMITS. */
export interface StepSnapshot {
  sessionId: number;
  step: number;
  line: number;
  /** frame executing the step */
  frame: FrameId;
  frames: PanelFrame[];
  objects: PanelObject[];
  /** all live objects at this step (objects.length may be smaller) */
  objectCount: number;
  /** objects left out of `objects` (beyond the limit), per type */
  omitted: { count: number; bytes: number; byType: { type: string; count: number; bytes: number }[] };
  weakEdges: PanelWeakEdge[];
  liveBytes: number;
  /** gc generation counts after the step, when gc events told them */
  gcCounts?: [number, number, number];
  events: PanelEvent[];
  /** events of the step (events.length may be smaller) */
  stepEventCount: number;
  /** tail of what the program printed up to this step */
  stdoutTail: string;
}

/** a line's totals (the engine's LineSummary) with the source text of the line, trimmed (for the table) */
export interface PanelLineSummary extends LineSummary {
  text?: string;
}

export interface GcCollectionMarker {
  step: number;
  generation: number;
  collected: number;
  uncollectable: number;
  /** true when the program called gc.collect(), false for automatic collections, undefined when unknown */
  explicit?: boolean;
}

export interface GcOverview {
  /** gc.get_threshold() of the simulated version */
  thresholds: [number, number, number];
  /** counts after each sampled step (downsampled; steps ascending) */
  series: { step: number; counts: [number, number, number] }[];
  collections: GcCollectionMarker[];
  collectionsTotal: number;
}

export type ThreadState = 'running' | 'waiting' | 'blocked';

export interface GilLane {
  thread: number;
  name: string;
  /** simulated-clock intervals, ascending; time not covered = not started / ended */
  segments: { start: number; end: number; state: ThreadState }[];
  totals: { running: number; waiting: number; blocked: number };
  start: number;
  end: number | null;
  /** a child process (multiprocessing): it holds a GIL of its own, so its running time is in parallel */
  process?: boolean;
}

export interface GilOverview {
  lanes: GilLane[];
  /** GIL hand-overs (acquire by a thread other than the previous holder): simulated time and step */
  switches: { time: number; step: number; from: number; to: number }[];
  switchesTotal: number;
  /** simulated clock at the end of the run */
  endTime: number;
  /** steps with gil/thread events (for timeline markers, bounded) */
  markerSteps: number[];
  /** simulated clock at sampled steps (ascending; at most PANEL_LIMITS.seriesPoints), to place the scrubber on the lanes */
  clock: { step: number; time: number }[];
}

export interface MemoryOverview {
  /** live bytes after sampled steps (downsampled: each point keeps the max of its bucket) */
  series: { step: number; bytes: number }[];
  peakBytes: number;
  peakStep: number;
  /** pymalloc's arenas and pools when the program ended (the heap map), when the engine reports it */
  heap?: PanelHeapMap;
}

/** The pymalloc heap map: one entry per arena, a cell per pool (bounded: 256 arenas). */
export interface PanelHeapMap {
  arenaSize: number;
  poolSize: number;
  arenas: { address: number; totalPools: number; pools: { sizeClass: number; blockSize: number; used: number; total: number; state: 'used' | 'full' | 'empty' }[] }[];
  rawBlocks: number;
  rawBytes: number;
  arenasReclaimed: number;
}

export type PanelRunStatus =
  | 'ok' | 'exception' | 'syntax-error' | 'unsupported' | 'budget' | 'cancelled' | 'internal-error';

/** Everything the panel needs about one run of one document version, sent once per run. */
export interface SessionInfo {
  sessionId: number;
  uri: string;
  fileName: string;
  documentVersion: number;
  pythonVersion: string;
  status: PanelRunStatus;
  /** first diagnostic message when the run did not end ok */
  statusMessage?: string;
  stepCount: number;
  eventCount: number;
  eventsTruncated: boolean;
  memory: MemoryOverview;
  lines: PanelLineSummary[];
  gc: GcOverview;
  gil: GilOverview;
}

export interface EventPageRequest {
  sessionId: number;
  kinds: EventFilterKind[];
  /** first matching event to return (0-based among matches) */
  offset?: number;
  /** instead of offset: the page holding the first matching event at or after this step */
  aroundStep?: number;
  limit: number;
}

export interface EventPage {
  sessionId: number;
  kinds: EventFilterKind[];
  offset: number;
  /** matching events in the whole run */
  total: number;
  events: PanelEvent[];
}

export type GcPhaseName =
  | 'start' | 'update_refs' | 'subtract_refs' | 'move_unreachable' | 'finalize'
  | 'handle_weakrefs' | 'delete_garbage' | 'promote' | 'stop';

/** "Simulate gc.collect" at a step: what the collector would find and free, phase by phase. */
export interface GcSimulationView {
  step: number;
  generation: number;
  phases: {
    phase: GcPhaseName;
    /** one or two sentences for a learner */
    description: string;
    /** objects this phase is about (highlighted while the phase is shown) */
    objs: ObjId[];
    /** for subtract_refs: gc_refs left per object after internal references are subtracted */
    gcRefs?: { obj: ObjId; refs: number }[];
  }[];
  unreachable: ObjId[];
  /** objects whose __del__ (or weakref callback) would run */
  finalizers: ObjId[];
  freed: ObjId[];
  collected: number;
  uncollectable: number;
}

/** What the webview persists with setState (and the serializer hands back on restore). */
export interface PanelViewState {
  uri?: string;
  step: number;
  tab: PanelTab;
  kinds: EventFilterKind[];
  showShared: boolean;
  /** temporaries and constants shown in the graph (optional: older saved states lack it) */
  showLoose?: boolean;
  collapse: 'auto' | 'on' | 'off';
  search: string;
  zoom: number;
  panX: number;
  panY: number;
  followLog: boolean;
  inspectorOpen: boolean;
}

export type PanelTab = 'heap' | 'events' | 'gc' | 'gil' | 'memory';

export type ToWebview =
  /** a new run (complete overview); null when there is nothing to show, with the reason */
  | { type: 'session'; session: SessionInfo | null; message?: string }
  /** a simulation is running / finished for the panel's document */
  | { type: 'busy'; busy: boolean; message?: string }
  | { type: 'step'; snapshot: StepSnapshot }
  | { type: 'eventPage'; page: EventPage }
  /** move the scrubber (editor click, CodeLens, command) */
  | { type: 'gotoStep'; sessionId: number; step: number }
  | { type: 'gcSimulation'; sessionId: number; simulation: GcSimulationView }
  /** the host could not do what was asked (e.g. gc simulation not available) */
  | { type: 'notice'; level: 'info' | 'warning' | 'error'; message: string };

export type FromWebview =
  | { type: 'ready'; state: PanelViewState | null }
  | { type: 'requestStep'; sessionId: number; step: number }
  | { type: 'requestEvents'; request: EventPageRequest }
  /** show a line in the editor (event log, per-line table, inspector) */
  | { type: 'revealLine'; sessionId: number; line: number }
  | { type: 'simulateGc'; sessionId: number; step: number; generation: number };
