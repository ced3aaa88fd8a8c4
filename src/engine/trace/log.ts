// EventLog: the stored event stream, columnar. The kinds that make up almost all of a trace (line,
// incref/decref, move, dealloc, alloc: 99.9% of cycles.py's 4 M events) live in typed arrays, their
// holders as numbers (kind, object or frame, an id in a string table), the fields only moves and
// allocs have in a side table; every other event is kept as the object it was built as. Reading (`at`) materializes a fresh TraceEvent per index, a short-lived object the
// JavaScript collector frees young, so a long run keeps ~30 bytes per event outside the JavaScript heap
// instead of retained objects the collector has to trace (2x faster recording of cycles.py).
import { NAME_SCOPES, OBJ_FLAGS, type Holder, type ObjFlag, type TraceEvent } from './events';

/**
 * What readers of a trace need: an indexable, iterable sequence of events. A plain `TraceEvent[]` is
 * one too (tests and decoders build arrays); the recorder's EventLog is the compact one.
 */
export interface EventSeq extends Iterable<TraceEvent> {
  readonly length: number;
  /** the event at `i` (negative: from the end), undefined out of range; like Array.prototype.at */
  at(i: number): TraceEvent | undefined;
  /** events [start, end) as an array, like Array.prototype.slice */
  slice(start?: number, end?: number): TraceEvent[];
}

const BOXED = 0;
const LINE = 1;
const INCREF = 2;
const DECREF = 3;
const MOVE = 4;
const DEALLOC = 5;
const ALLOC = 6;

const CHUNK_BITS = 16;
const CHUNK = 1 << CHUNK_BITS;
const MASK = CHUNK - 1;

/** The log as plain parts: typed arrays a worker can transfer without copying, plus the rest. */
export interface EventLogParts {
  count: number;
  chunks: Chunk[];
  strings: string[];
  /** alloc reprs (one per alloc event, mostly distinct: not worth a lookup table) */
  texts: string[];
  extras: Extras;
  boxed: TraceEvent[];
}

/** every typed array of a chunk (the buffers a transfer moves) */
export function chunkColumns(c: Chunk): (Uint8Array | Float64Array | Uint32Array | Int32Array)[] {
  return [c.kind, c.a, c.b, c.h1.k, c.h1.n, c.h1.s, c.x];
}

/** one block of CHUNK events; blocks are never copied or resized, so a long run never over-allocates */
export interface Chunk {
  /** the event kind (BOXED, LINE, ...) */
  readonly kind: Uint8Array;
  /** obj (line: the line number) */
  readonly a: Float64Array;
  /** rc (line: the frame; dealloc: 1 when by the gc; alloc: the size; boxed: index into `boxed`) */
  readonly b: Uint32Array;
  /** the holder (move: `from`); line: h1.k is 1 for a resume */
  readonly h1: HolderColumns;
  /** move and alloc: index of the event's row in the log's Extras (the rarer fields) */
  readonly x: Int32Array;
}

function newChunk(): Chunk {
  return { kind: new Uint8Array(CHUNK), a: new Float64Array(CHUNK), b: new Uint32Array(CHUNK), h1: newHolderColumns(), x: new Int32Array(CHUNK) };
}

function newHolderColumns(): HolderColumns {
  return { k: new Uint8Array(CHUNK), n: new Float64Array(CHUNK), s: new Int32Array(CHUNK) };
}

/** a holder as numbers: its kind (H_*), its object or frame, and its label/name/what as a string id */
export interface HolderColumns {
  readonly k: Uint8Array;
  readonly n: Float64Array;
  readonly s: Int32Array;
}

/**
 * Rows for the fields only some events have, appended in event order: a move's `to` holder (k, n, s
 * as in HolderColumns); an alloc's flags (bit i: OBJ_FLAGS[i]) and gcTracked (bits 5-6: 0 absent,
 * 1 false, 2 true) in k, its line (n), type name string id (s) and repr index in `texts` (t). Kept
 * apart so that every event does not pay for them.
 */
export interface Extras {
  count: number;
  k: Uint8Array;
  n: Float64Array;
  s: Int32Array;
  t: Int32Array;
}

function newExtras(cap: number): Extras {
  return { count: 0, k: new Uint8Array(cap), n: new Float64Array(cap), s: new Int32Array(cap), t: new Int32Array(cap) };
}

const H_NONE = 0;
const H_OBJECT = 1;
const H_NAME = 2; // + scope index
const H_STACK = 6;
const H_ARENA = 7;
const H_INTERPRETER = 8;
const H_TEMPORARY = 9;

export class EventLog implements EventSeq {
  private readonly chunks: Chunk[] = [];
  private cur: Chunk | undefined;
  /** events of the kinds without columns, as built */
  private boxed: TraceEvent[] = [];
  private texts: string[] = [];
  private ex = newExtras(4096);
  private readonly strings: string[] = [];
  private readonly stringIds = new Map<string, number>();
  private n = 0;

  /** the parts (shared, not copied): for a transfer to another thread, after which this log is not used */
  parts(): EventLogParts {
    return { count: this.n, chunks: this.chunks, strings: this.strings, texts: this.texts, extras: this.ex, boxed: this.boxed };
  }

  /** a log over parts another thread made (see parts()); appending to it goes on after them */
  static fromParts(p: EventLogParts): EventLog {
    if (p.chunks.length !== Math.ceil(p.count / CHUNK)) throw new Error(`event log: ${p.chunks.length} chunks for ${p.count} events`);
    for (const c of p.chunks) {
      const cols = chunkColumns(c);
      if (cols.some((x) => x.length !== CHUNK)) throw new Error('event log: a chunk of the wrong size');
    }
    const log = new EventLog();
    log.chunks.push(...p.chunks);
    log.cur = p.chunks[p.chunks.length - 1];
    log.n = p.count;
    log.boxed = p.boxed;
    log.texts = p.texts;
    const e = p.extras;
    if (!(e.count <= e.k.length && e.k.length === e.n.length && e.k.length === e.s.length && e.k.length === e.t.length)) {
      throw new Error('event log: malformed extras');
    }
    log.ex = e;
    for (const x of p.strings) log.str(x);
    return log;
  }

  static from(events: Iterable<TraceEvent>): EventLog {
    const log = new EventLog();
    for (const e of events) log.push(e);
    return log;
  }

  get length(): number {
    return this.n;
  }

  /** the next event's index inside `this.cur` (a new chunk every CHUNK events) */
  private slot(): number {
    const i = this.n & MASK;
    if (i === 0) this.chunks.push((this.cur = newChunk()));
    this.n++;
    return i;
  }

  private str(x: string): number {
    let id = this.stringIds.get(x);
    if (id === undefined) {
      id = this.strings.length;
      this.strings.push(x);
      this.stringIds.set(x, id);
    }
    return id;
  }

  /** a new Extras row (grown by doubling) */
  private extra(): number {
    let e = this.ex;
    if (e.count === e.k.length) {
      const g = newExtras(e.k.length * 2);
      g.k.set(e.k);
      g.n.set(e.n);
      g.s.set(e.s);
      g.t.set(e.t);
      g.count = e.count;
      this.ex = e = g;
    }
    return e.count++;
  }

  private putHolder(cols: HolderColumns | Extras, j: number, h: Holder | undefined): void {
    if (h === undefined) {
      cols.k[j] = H_NONE;
      return;
    }
    switch (h.kind) {
      case 'object':
        cols.k[j] = H_OBJECT;
        cols.n[j] = h.obj;
        cols.s[j] = this.str(h.label);
        return;
      case 'name':
        cols.k[j] = H_NAME + NAME_SCOPES.indexOf(h.scope);
        cols.n[j] = h.frame;
        cols.s[j] = this.str(h.name);
        return;
      case 'stack':
        cols.k[j] = H_STACK;
        cols.n[j] = h.frame;
        return;
      case 'arena':
        cols.k[j] = H_ARENA;
        return;
      case 'interpreter':
        cols.k[j] = H_INTERPRETER;
        cols.s[j] = this.str(h.what);
        return;
      case 'temporary':
        cols.k[j] = H_TEMPORARY;
        return;
    }
  }

  private getHolder(cols: HolderColumns | Extras, j: number): Holder | undefined {
    const k = cols.k[j]!;
    switch (k) {
      case H_NONE: return undefined;
      case H_OBJECT: return { kind: 'object', obj: cols.n[j]!, label: this.strings[cols.s[j]!]! };
      case H_STACK: return { kind: 'stack', frame: cols.n[j]! };
      case H_ARENA: return { kind: 'arena' };
      case H_INTERPRETER: return { kind: 'interpreter', what: this.strings[cols.s[j]!]! };
      case H_TEMPORARY: return { kind: 'temporary' };
      default: return { kind: 'name', frame: cols.n[j]!, name: this.strings[cols.s[j]!]!, scope: NAME_SCOPES[k - H_NAME]! };
    }
  }

  line(line: number, frame: number, resume: boolean | undefined): void {
    if (!isU32(frame)) return this.box(resume ? { k: 'line', line, frame, resume } : { k: 'line', line, frame });
    const i = this.slot();
    const c = this.cur!;
    c.kind[i] = LINE;
    c.a[i] = line;
    c.b[i] = frame;
    c.h1.k[i] = resume ? 1 : 0;
  }

  incref(obj: number, rc: number, holder: Holder | undefined): void {
    this.refEvent(INCREF, obj, rc, holder);
  }

  decref(obj: number, rc: number, holder: Holder | undefined): void {
    this.refEvent(DECREF, obj, rc, holder);
  }

  private refEvent(kind: typeof INCREF | typeof DECREF, obj: number, rc: number, holder: Holder | undefined): void {
    if (!isU32(rc)) {
      const k = kind === INCREF ? 'incref' : 'decref';
      return this.box(holder === undefined ? { k, obj, rc } : { k, obj, rc, holder });
    }
    const i = this.slot();
    const c = this.cur!;
    c.kind[i] = kind;
    c.a[i] = obj;
    c.b[i] = rc;
    this.putHolder(c.h1, i, holder);
  }

  move(obj: number, rc: number, from: Holder | undefined, to: Holder | undefined): void {
    if (!isU32(rc)) {
      const e: Extract<TraceEvent, { k: 'move' }> = { k: 'move', obj, rc };
      if (from !== undefined) e.from = from;
      if (to !== undefined) e.to = to;
      return this.box(e);
    }
    const i = this.slot();
    const c = this.cur!;
    c.kind[i] = MOVE;
    c.a[i] = obj;
    c.b[i] = rc;
    this.putHolder(c.h1, i, from);
    const r = this.extra();
    c.x[i] = r;
    this.putHolder(this.ex, r, to);
  }

  alloc(
    obj: number, type: string, size: number, line: number, repr: string,
    flags: readonly ObjFlag[] | undefined, gcTracked: boolean | undefined, holder: Holder | undefined,
  ): void {
    let bits = gcTracked === undefined ? 0 : gcTracked ? 64 : 32;
    if (flags !== undefined) {
      let last = -1;
      for (const f of flags) {
        const b = OBJ_FLAGS.indexOf(f);
        if (b <= last) bits = -1; // unknown, repeated or out of order: keep the event as it is
        last = b;
        bits |= 1 << b;
      }
    }
    if (bits < 0 || !isU32(size) || (flags !== undefined && flags.length === 0)) {
      const e: Extract<TraceEvent, { k: 'alloc' }> = { k: 'alloc', obj, type, size, line, repr };
      if (flags !== undefined) e.flags = [...flags];
      if (gcTracked !== undefined) e.gcTracked = gcTracked;
      if (holder !== undefined) e.holder = holder;
      return this.box(e);
    }
    const i = this.slot();
    const c = this.cur!;
    c.kind[i] = ALLOC;
    c.a[i] = obj;
    c.b[i] = size;
    this.putHolder(c.h1, i, holder);
    const r = this.extra();
    c.x[i] = r;
    const e = this.ex;
    e.k[r] = bits;
    e.n[r] = line;
    e.s[r] = this.str(type);
    e.t[r] = this.texts.length;
    this.texts.push(repr);
  }

  dealloc(obj: number, reason: 'refcount' | 'gc'): void {
    const i = this.slot();
    const c = this.cur!;
    c.kind[i] = DEALLOC;
    c.a[i] = obj;
    c.b[i] = reason === 'gc' ? 1 : 0;
  }

  /** any event; the frequent kinds go to their columns */
  push(e: TraceEvent): void {
    switch (e.k) {
      case 'line':
        if (Object.keys(e).length === (e.resume === undefined ? 3 : 4) && e.resume !== false) return this.line(e.line, e.frame, e.resume);
        break;
      case 'incref':
      case 'decref':
        if (Object.keys(e).length === (e.holder === undefined ? 3 : 4)) {
          return e.k === 'incref' ? this.incref(e.obj, e.rc, e.holder) : this.decref(e.obj, e.rc, e.holder);
        }
        break;
      case 'move':
        if (Object.keys(e).length === 3 + (e.from === undefined ? 0 : 1) + (e.to === undefined ? 0 : 1)) {
          return this.move(e.obj, e.rc, e.from, e.to);
        }
        break;
      case 'dealloc':
        if (Object.keys(e).length === 3) return this.dealloc(e.obj, e.reason);
        break;
      case 'alloc': {
        const n = 6 + (e.flags === undefined ? 0 : 1) + (e.gcTracked === undefined ? 0 : 1) + (e.holder === undefined ? 0 : 1);
        if (e.rc === undefined && Object.keys(e).length === n) return this.alloc(e.obj, e.type, e.size, e.line, e.repr, e.flags, e.gcTracked, e.holder);
        break;
      }
    }
    this.box(e);
  }

  /** an event kept as the object it is */
  private box(e: TraceEvent): void {
    const i = this.slot();
    const c = this.cur!;
    c.kind[i] = BOXED;
    c.b[i] = this.boxed.length;
    this.boxed.push(e);
  }

  /** the kind of event `i` (0 <= i < length) without building the event */
  kindAt(i: number): TraceEvent['k'] {
    const c = this.chunks[i >>> CHUNK_BITS]!;
    const j = i & MASK;
    switch (c.kind[j]) {
      case LINE: return 'line';
      case INCREF: return 'incref';
      case DECREF: return 'decref';
      case MOVE: return 'move';
      case DEALLOC: return 'dealloc';
      case ALLOC: return 'alloc';
      default: return this.boxed[c.b[j]!]!.k;
    }
  }

  at(index: number): TraceEvent | undefined {
    const i = index < 0 ? index + this.n : index;
    if (!(i >= 0 && i < this.n)) return undefined;
    const c = this.chunks[i >>> CHUNK_BITS]!;
    const j = i & MASK;
    switch (c.kind[j]) {
      case LINE:
        return c.h1.k[j] ? { k: 'line', line: c.a[j]!, frame: c.b[j]!, resume: true } : { k: 'line', line: c.a[j]!, frame: c.b[j]! };
      case INCREF:
      case DECREF: {
        const k = c.kind[j] === INCREF ? 'incref' : 'decref';
        const holder = this.getHolder(c.h1, j);
        return holder === undefined ? { k, obj: c.a[j]!, rc: c.b[j]! } : { k, obj: c.a[j]!, rc: c.b[j]!, holder };
      }
      case MOVE: {
        const e: Extract<TraceEvent, { k: 'move' }> = { k: 'move', obj: c.a[j]!, rc: c.b[j]! };
        const from = this.getHolder(c.h1, j);
        const to = this.getHolder(this.ex, c.x[j]!);
        if (from !== undefined) e.from = from;
        if (to !== undefined) e.to = to;
        return e;
      }
      case DEALLOC:
        return { k: 'dealloc', obj: c.a[j]!, reason: c.b[j] ? 'gc' : 'refcount' };
      case ALLOC: {
        const ex = this.ex;
        const r = c.x[j]!;
        const e: Extract<TraceEvent, { k: 'alloc' }> = {
          k: 'alloc', obj: c.a[j]!, type: this.strings[ex.s[r]!]!, size: c.b[j]!, line: ex.n[r]!, repr: this.texts[ex.t[r]!]!,
        };
        const bits = ex.k[r]!;
        if (bits & 31) e.flags = OBJ_FLAGS.filter((_, b) => bits & (1 << b));
        if (bits & 96) e.gcTracked = (bits & 64) !== 0;
        const holder = this.getHolder(c.h1, j);
        if (holder !== undefined) e.holder = holder;
        return e;
      }
      default:
        return this.boxed[c.b[j]!]!;
    }
  }

  slice(start = 0, end = this.n): TraceEvent[] {
    const s = clamp(start, this.n);
    const e = clamp(end, this.n);
    const out: TraceEvent[] = [];
    for (let i = s; i < e; i++) out.push(this.at(i)!);
    return out;
  }

  /** JSON.stringify writes the events as an array (`pymem run --json`) */
  toJSON(): TraceEvent[] {
    return this.slice();
  }

  *[Symbol.iterator](): Iterator<TraceEvent> {
    for (let i = 0; i < this.n; i++) yield this.at(i)!;
  }
}

/** the kind of event `i` of any EventSeq; cheap on an EventLog */
export function kindAt(events: EventSeq, i: number): TraceEvent['k'] {
  return events instanceof EventLog ? events.kindAt(i) : events.at(i)!.k;
}

function isU32(x: number): boolean {
  return x >>> 0 === x;
}

function clamp(i: number, n: number): number {
  if (i < 0) return Math.max(0, n + i);
  return Math.min(i, n);
}
