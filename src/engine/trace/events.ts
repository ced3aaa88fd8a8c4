// The typed event stream: the product's raw material. The VM emits these in execution order;
// trace/timeline.ts replays them into the state of the heap at any step. Schema documented in
// docs/events.md. Every event is plain data (structured-clone safe: it crosses the worker boundary).

/** Simulated address of an object (as `id()` reports it). */
export type ObjId = number;
/** Frame serial number, unique within one simulation (0 = the module frame). */
export type FrameId = number;

/** Why an object is shown specially instead of with a plain count. */
export type ObjFlag =
  | 'small-int' // from the small-int cache (-5..256)
  | 'interned' // an interned str
  | 'immortal' // refcount never changes (3.12+)
  | 'shared' // singleton or builtin owned by the interpreter; refcount not knowable by a simulator
  | 'const'; // held by a code object's co_consts

/** Every ObjFlag, in the order the engine lists them on an alloc event (stores may keep them as bits). */
export const OBJ_FLAGS: readonly ObjFlag[] = ['small-int', 'interned', 'immortal', 'shared', 'const'];

/** The scopes a name holder can have, in a fixed order (stores may keep a scope as its index). */
export const NAME_SCOPES = ['local', 'global', 'cell', 'class'] as const;
export type NameScope = (typeof NAME_SCOPES)[number];

/**
 * Who holds a reference. `label` says where inside the holder: a name, `[3]`, `.attr`, `['key']`,
 * `co_consts`, `cell_contents`, ...
 */
export type Holder =
  | { kind: 'object'; obj: ObjId; label: string }
  | { kind: 'name'; frame: FrameId; name: string; scope: NameScope }
  | { kind: 'stack'; frame: FrameId }
  | { kind: 'arena' } // the compiler's AST arena: constants of a script run as `python3 file.py`
  | { kind: 'interpreter'; what: string } // sys.modules, builtins, type caches ...
  /** A reference nobody named (C temporaries, the creator's first reference); same as omitting the holder. */
  | { kind: 'temporary' };

export type TraceEvent =
  /**
   * A line starts executing in a frame. Each `line` event begins one timeline step. `resume` marks
   * control coming back to a line that already started (after a call returned): a new step, not a new hit.
   */
  | { k: 'line'; line: number; frame: FrameId; resume?: boolean }
  /**
   * A new object. It is born with refcount `rc` (default 1, CPython's _Py_NewReference), held by
   * `holder` (default: a temporary reference).
   */
  | { k: 'alloc'; obj: ObjId; type: string; size: number; line: number; repr: string; flags?: ObjFlag[]; gcTracked?: boolean; rc?: number; holder?: Holder }
  /** `rc` is the refcount after the change. A `holder` names who took/dropped the reference. */
  | { k: 'incref'; obj: ObjId; rc: number; holder?: Holder }
  | { k: 'decref'; obj: ObjId; rc: number; holder?: Holder }
  /**
   * A reference changes hands without a refcount change (CPython "steals" it): e.g. STORE_FAST moves
   * the value stack's reference into a local. Not an incref/decref: summaries do not count it.
   */
  | { k: 'move'; obj: ObjId; rc: number; from?: Holder; to?: Holder }
  | { k: 'dealloc'; obj: ObjId; reason: 'refcount' | 'gc' }
  /** The object's size or short repr changed (list growth, dict resize, attribute added...), or the GC (un)tracked it. */
  | { k: 'update'; obj: ObjId; size?: number; repr?: string; length?: number; gcTracked?: boolean }
  | { k: 'call'; frame: FrameId; parent: FrameId | null; name: string; line: number; thread?: number }
  | { k: 'return'; frame: FrameId; value: ObjId | null }
  | { k: 'exception'; type: string; message: string; line: number; frame: FrameId; caught?: boolean }
  | { k: 'output'; text: string }
  /** GC events (cyclic collector): see gc/ */
  | { k: 'gc'; phase: GcPhase; generation: number; objs?: ObjId[]; collected?: number; uncollectable?: number; counts?: [number, number, number] }
  /** GIL events: see threads/ (times in simulated microseconds) */
  | { k: 'gil'; what: 'request' | 'drop_request' | 'acquire' | 'release'; thread: number; reason?: string; time: number }
  | { k: 'thread'; what: 'start' | 'end' | 'block' | 'unblock'; thread: number; name: string; time: number }
  /** a threading.Lock/RLock taken, waited for (the thread blocks) or released by a thread */
  | { k: 'lock'; what: 'acquire' | 'wait' | 'release'; lock: ObjId; thread: number; time: number }
  /**
   * pymalloc's arenas and pools (alloc/): an arena mapped or released, a pool changing state
   * (empty/used/full), with bytes. Blocks are the alloc/dealloc events' addresses (an object's block).
   */
  | { k: 'heap'; what: 'arena-alloc' | 'arena-free' | 'pool-state'; address: number; bytes: number; arena?: number; sizeClass?: number; from?: 'used' | 'full' | 'empty'; to?: 'used' | 'full' | 'empty' };

export type GcPhase =
  | 'start'
  | 'update_refs'
  | 'subtract_refs'
  | 'move_unreachable'
  | 'finalize'
  | 'handle_weakrefs'
  | 'delete_garbage'
  | 'promote'
  | 'stop';

export type TraceEventKind = TraceEvent['k'];

/** the reason on the gil acquire of a child process's lane: its own GIL, not a hand-over of the parent's */
export const OWN_GIL = 'own GIL';
