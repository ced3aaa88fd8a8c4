// The engine's public contract: what a face (CLI, extension host worker, tests) passes in and gets
// back. Plain data only, so a result can cross a worker boundary by structured clone.
import type { ObjId, FrameId, ObjFlag, Holder } from './trace/events';
import type { EventSeq } from './trace/log';

export type PythonVersion = '3.10' | '3.11' | '3.12' | '3.13';
export const PYTHON_VERSIONS: readonly PythonVersion[] = ['3.10', '3.11', '3.12', '3.13'];

export interface Budgets {
  /** bytecode instructions; 0 = no limit */
  maxSteps: number;
  /** wall-clock milliseconds; 0 = no limit */
  maxTimeMs: number;
  /** simulated heap bytes before a simulated MemoryError */
  maxMemoryBytes: number;
  /** events kept in the trace; beyond it the trace is marked truncated (the program still runs) */
  maxEvents: number;
}

export const DEFAULT_BUDGETS: Budgets = {
  maxSteps: 20_000_000,
  maxTimeMs: 5_000,
  maxMemoryBytes: 2 * 1024 ** 3,
  maxEvents: 3_000_000,
};

export interface SimulateOptions {
  version: PythonVersion;
  /** shown in tracebacks, e.g. "/home/me/prog.py" */
  filename?: string;
  budgets?: Partial<Budgets>;
  /** record the event stream (the CLI's plain `run` does not need it) */
  recordEvents?: boolean;
  /** called now and then; returning true cancels the run (status 'cancelled') */
  shouldCancel?: () => boolean;
  /**
   * "What would gc.collect() do here?": run the program up to the end of timeline step `step` (or to
   * the end when omitted), then collect `generation` (default 2) and report it in `gcWhatIf`. The
   * collection's own events follow the run's events (from `gcWhatIf.firstEvent`).
   */
  gcWhatIf?: { step?: number; generation?: number };
  /** check the heap's and the collector's invariants after every collection and at the end (tests) */
  selfCheck?: boolean;
}

export interface GcWhatIf {
  /** the step after which the collection ran (the last step when the program ran to its end) */
  step: number;
  generation: number;
  /** index of the collection's first event in `events` */
  firstEvent: number;
  /** objects the collection examined */
  examined: number;
  /** objects found unreachable (before finalizers ran) */
  unreachable: ObjectInfo[];
  /** ids of the unreachable objects whose finalizer (__del__, a paused generator's close) runs */
  finalizers: number[];
  /** what gc.collect() would return */
  collected: number;
  /** what the program printed during the collection (finalizers) */
  output: string;
}

export type SimulationStatus =
  | 'ok'
  | 'exception' // uncaught simulated exception
  | 'syntax-error'
  | 'unsupported' // stopped at a construct outside the subset
  | 'budget' // step, time or event budget exhausted
  | 'cancelled'
  | 'internal-error'; // a bug in the engine: reported cleanly, never a JS stack trace for users

export interface SourceRange {
  /** 1-based line, 0-based column (UTF-16), as editors count */
  startLine: number;
  startCol: number;
  endLine: number;
  endCol: number;
}

export interface EngineDiagnostic {
  kind: 'syntax-error' | 'unsupported' | 'budget' | 'exception' | 'cycle' | 'alive-at-exit' | 'internal-error';
  message: string;
  range: SourceRange;
}

/** One object as the timeline knows it at some step. */
export interface ObjectInfo {
  id: ObjId;
  type: string;
  size: number;
  /** the object's own refcount (ob_refcnt); for 'shared'/'immortal' objects not knowable exactly */
  refcount: number;
  flags: ObjFlag[];
  line: number;
  repr: string;
  length?: number;
  gcTracked: boolean;
  /** 0, 1, 2 when tracked; 3 = permanent (frozen) */
  generation?: number;
  referrers: ReferrerInfo[];
}

export interface ReferrerInfo {
  holder: Holder;
  /** references this holder has to the object (a list may hold it twice) */
  count: number;
  /** human text, e.g. "name `data` in f()", "list 0x7f..[3]" */
  text: string;
}

export interface FrameInfo {
  id: FrameId;
  name: string;
  parent: FrameId | null;
  line: number;
  /** local (or global, for the module frame) names bound at this step */
  names: { name: string; obj: ObjId }[];
  thread: number;
}

export interface HeapState {
  step: number;
  line: number;
  frames: FrameInfo[];
  objects: ObjectInfo[];
  liveBytes: number;
}

export interface LineSummary {
  line: number;
  /** how many times the line ran */
  hits: number;
  allocs: number;
  allocBytes: number;
  frees: number;
  freeBytes: number;
  increfs: number;
  decrefs: number;
  /** net change of live simulated bytes while the line ran (all runs added) */
  memoryDelta: number;
  /** live bytes after the line's last run */
  memoryAfter: number;
  /** types allocated, e.g. { list: 2, int: 1 } */
  allocTypes: Record<string, number>;
  freeTypes: Record<string, number>;
  firstStep: number;
  lastStep: number;
}

export interface SimulationResult {
  version: PythonVersion;
  status: SimulationStatus;
  /** what the program printed to stdout */
  stdout: string;
  /** CPython-style traceback or error text (what python3 would print to stderr) */
  stderr: string;
  diagnostics: EngineDiagnostic[];
  /** the event stream (empty unless recordEvents) */
  events: EventSeq;
  eventsTruncated: boolean;
  /** instructions executed */
  instructions: number;
  wallTimeMs: number;
  /** objects alive when the program ended (always filled, even without recordEvents) */
  finalObjects: ObjectInfo[];
  /** the answer to SimulateOptions.gcWhatIf */
  gcWhatIf?: GcWhatIf;
  /** pymalloc's arenas and pools when the program ended (before the interpreter's shutdown) */
  heapMap?: HeapMap;
}

/** The pymalloc heap (engine/alloc): arenas, and in each the pools with their size class and fill. */
export interface HeapMap {
  arenaSize: number;
  poolSize: number;
  arenas: {
    address: number;
    totalPools: number;
    untouchedPools: number;
    pools: { address: number; sizeClass: number; blockSize: number; usedBlocks: number; totalBlocks: number; state: 'used' | 'full' | 'empty' }[];
  }[];
  arenasAllocatedTotal: number;
  arenasReclaimed: number;
  /** requests over 512 bytes (the raw allocator) alive, and their bytes */
  rawBlocks: number;
  rawBytes: number;
}
