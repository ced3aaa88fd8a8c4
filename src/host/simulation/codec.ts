// The event stream's trip from the worker to the host. An EventLog's column chunks are transferred as
// they are (encodeLog/decodeLog); its boxed events, and any plain array, go through a compact encoding:
// numbers in one Float64Array (moved between threads without copying) plus a table of distinct
// strings. Structured-cloning 200,000 event objects blocks the receiving thread for about a second;
// decoding this takes a small fraction of that. Event kinds or fields this file does not know travel
// as JSON, so the codec never loses data.
import { NAME_SCOPES, OBJ_FLAGS, type GcPhase, type Holder, type TraceEvent } from '../../engine/trace/events';
import type { EncodedEvents, TransferredEvents } from '../../protocol/worker';
import { chunkColumns, EventLog, type EventSeq } from '../../engine/trace/log';

export type { EncodedEvents, TransferredEvents };

/**
 * The run's events for the trip to the host: an EventLog's column chunks go as they are (their
 * buffers in `transfer`, moved without copying; the log is unusable afterwards), its boxed events
 * and any plain array through encodeEvents.
 */
export function encodeLog(events: EventSeq): { events: TransferredEvents; transfer: ArrayBuffer[] } {
  const log = events instanceof EventLog ? events : EventLog.from(events);
  const p = log.parts();
  const boxed = encodeEvents(p.boxed);
  const transfer: ArrayBuffer[] = [boxed.nums.buffer as ArrayBuffer];
  for (const c of p.chunks) for (const col of chunkColumns(c)) transfer.push(col.buffer as ArrayBuffer);
  const x = p.extras;
  for (const col of [x.k, x.n, x.s, x.t]) transfer.push(col.buffer as ArrayBuffer);
  return { events: { count: p.count, chunks: p.chunks, strings: p.strings, texts: p.texts, extras: x, boxed }, transfer };
}

/** The host side of encodeLog. Throws on a malformed message. */
export function decodeLog(t: TransferredEvents): EventLog {
  return EventLog.fromParts({ count: t.count, chunks: t.chunks, strings: t.strings, texts: t.texts, extras: t.extras, boxed: decodeEvents(t.boxed) });
}

const KIND = { line: 1, alloc: 2, incref: 3, decref: 4, move: 5, dealloc: 6, update: 7, call: 8, return: 9, exception: 10, output: 11, gc: 12, gil: 13, thread: 14, heap: 15, lock: 16, json: 255 } as const;
const NONE = NaN;

/** Keys each known kind may carry; an event with any other key travels as JSON. */
const KEYS: Record<string, readonly string[]> = {
  line: ['k', 'line', 'frame', 'resume'],
  alloc: ['k', 'obj', 'type', 'size', 'line', 'repr', 'flags', 'gcTracked', 'rc', 'holder'],
  incref: ['k', 'obj', 'rc', 'holder'],
  decref: ['k', 'obj', 'rc', 'holder'],
  move: ['k', 'obj', 'rc', 'from', 'to'],
  dealloc: ['k', 'obj', 'reason'],
  update: ['k', 'obj', 'size', 'repr', 'length', 'gcTracked'],
  call: ['k', 'frame', 'parent', 'name', 'line', 'thread'],
  return: ['k', 'frame', 'value'],
  exception: ['k', 'type', 'message', 'line', 'frame', 'caught'],
  output: ['k', 'text'],
  gc: ['k', 'phase', 'generation', 'objs', 'collected', 'uncollectable', 'counts'],
  gil: ['k', 'what', 'thread', 'reason', 'time'],
  thread: ['k', 'what', 'thread', 'name', 'time'],
  lock: ['k', 'what', 'lock', 'thread', 'time'],
  heap: ['k', 'what', 'address', 'bytes', 'arena', 'sizeClass', 'from', 'to'],
};

function knownShape(e: TraceEvent): boolean {
  const keys = KEYS[e.k];
  if (!keys) return false;
  for (const key of Object.keys(e)) if (!keys.includes(key)) return false;
  if (e.k === 'alloc' && e.flags && e.flags.some((f) => !OBJ_FLAGS.includes(f))) return false;
  return true;
}

class Writer {
  private buf = new Float64Array(1024);
  len = 0;
  readonly strings: string[] = [];
  private readonly ids = new Map<string, number>();

  num(n: number): void {
    if (this.len === this.buf.length) {
      const next = new Float64Array(this.buf.length * 2);
      next.set(this.buf);
      this.buf = next;
    }
    this.buf[this.len++] = n;
  }
  opt(n: number | undefined | null): void {
    this.num(n === undefined || n === null ? NONE : n);
  }
  bool(b: boolean | undefined): void {
    this.num(b === undefined ? 2 : b ? 1 : 0);
  }
  str(s: string | undefined): void {
    if (s === undefined) return this.num(-1);
    let id = this.ids.get(s);
    if (id === undefined) {
      id = this.strings.length;
      this.strings.push(s);
      this.ids.set(s, id);
    }
    this.num(id);
  }
  holder(h: Holder | undefined): void {
    if (h === undefined) return this.num(0);
    switch (h.kind) {
      case 'object':
        this.num(1); this.num(h.obj); this.str(h.label);
        return;
      case 'name':
        this.num(2); this.num(h.frame); this.str(h.name); this.num(NAME_SCOPES.indexOf(h.scope));
        return;
      case 'stack':
        this.num(3); this.num(h.frame);
        return;
      case 'arena':
        this.num(4);
        return;
      case 'interpreter':
        this.num(5); this.str(h.what);
        return;
      case 'temporary':
        this.num(6);
        return;
    }
  }
  result(): Float64Array {
    return this.buf.slice(0, this.len);
  }
}

export function encodeEvents(events: EventSeq): EncodedEvents {
  const w = new Writer();
  for (const e of events) {
    if (!knownShape(e)) {
      w.num(KIND.json); w.str(JSON.stringify(e));
      continue;
    }
    w.num(KIND[e.k]);
    switch (e.k) {
      case 'line':
        w.num(e.line); w.num(e.frame); w.bool(e.resume);
        break;
      case 'alloc': {
        w.num(e.obj); w.str(e.type); w.num(e.size); w.num(e.line); w.str(e.repr);
        w.num(e.flags === undefined ? -1 : e.flags.length);
        for (const f of e.flags ?? []) w.num(OBJ_FLAGS.indexOf(f));
        w.bool(e.gcTracked); w.opt(e.rc); w.holder(e.holder);
        break;
      }
      case 'incref':
      case 'decref':
        w.num(e.obj); w.num(e.rc); w.holder(e.holder);
        break;
      case 'move':
        w.num(e.obj); w.num(e.rc); w.holder(e.from); w.holder(e.to);
        break;
      case 'dealloc':
        w.num(e.obj); w.num(e.reason === 'gc' ? 1 : 0);
        break;
      case 'update':
        w.num(e.obj); w.opt(e.size); w.str(e.repr); w.opt(e.length); w.bool(e.gcTracked);
        break;
      case 'call':
        w.num(e.frame); w.opt(e.parent); w.str(e.name); w.num(e.line); w.opt(e.thread);
        break;
      case 'return':
        w.num(e.frame); w.opt(e.value);
        break;
      case 'exception':
        w.str(e.type); w.str(e.message); w.num(e.line); w.num(e.frame); w.bool(e.caught);
        break;
      case 'output':
        w.str(e.text);
        break;
      case 'gc':
        w.str(e.phase); w.num(e.generation);
        if (e.objs === undefined) w.num(-1);
        else {
          w.num(e.objs.length);
          for (const o of e.objs) w.num(o);
        }
        w.opt(e.collected); w.opt(e.uncollectable);
        if (e.counts === undefined) w.num(0);
        else {
          w.num(1); w.num(e.counts[0]); w.num(e.counts[1]); w.num(e.counts[2]);
        }
        break;
      case 'gil':
        w.str(e.what); w.num(e.thread); w.str(e.reason); w.num(e.time);
        break;
      case 'thread':
        w.str(e.what); w.num(e.thread); w.str(e.name); w.num(e.time);
        break;
      case 'lock':
        w.str(e.what); w.num(e.lock); w.num(e.thread); w.num(e.time);
        break;
      case 'heap':
        w.str(e.what); w.num(e.address); w.num(e.bytes); w.opt(e.arena); w.opt(e.sizeClass); w.str(e.from); w.str(e.to);
        break;
    }
  }
  return { count: events.length, nums: w.result(), strings: w.strings };
}

export function decodeEvents(enc: EncodedEvents): TraceEvent[] {
  const { nums: n, strings } = enc;
  let i = 0;
  const num = () => n[i++]!;
  const opt = () => {
    const v = n[i++]!;
    return Number.isNaN(v) ? undefined : v;
  };
  const bool = () => {
    const v = n[i++]!;
    return v === 2 ? undefined : v === 1;
  };
  const str = () => {
    const v = n[i++]!;
    return v < 0 ? undefined : strings[v]!;
  };
  const holder = (): Holder | undefined => {
    switch (num()) {
      case 1:
        return { kind: 'object', obj: num(), label: str()! };
      case 2:
        return { kind: 'name', frame: num(), name: str()!, scope: NAME_SCOPES[num()]! };
      case 3:
        return { kind: 'stack', frame: num() };
      case 4:
        return { kind: 'arena' };
      case 5:
        return { kind: 'interpreter', what: str()! };
      case 6:
        return { kind: 'temporary' };
      default:
        return undefined;
    }
  };
  /** Builds an object without the keys whose value is undefined (as the engine emits them). */
  const clean = <T extends object>(o: T): T => {
    for (const key of Object.keys(o) as (keyof T)[]) if (o[key] === undefined) delete o[key];
    return o;
  };
  const out: TraceEvent[] = new Array(enc.count);
  for (let k = 0; k < enc.count; k++) {
    const kind = num();
    switch (kind) {
      case KIND.line:
        out[k] = clean({ k: 'line', line: num(), frame: num(), resume: bool() });
        break;
      case KIND.alloc: {
        const obj = num(), type = str()!, size = num(), line = num(), repr = str()!;
        const nFlags = num();
        const flags = nFlags < 0 ? undefined : Array.from({ length: nFlags }, () => OBJ_FLAGS[num()]!);
        out[k] = clean({ k: 'alloc', obj, type, size, line, repr, flags, gcTracked: bool(), rc: opt(), holder: holder() });
        break;
      }
      case KIND.incref:
        out[k] = clean({ k: 'incref', obj: num(), rc: num(), holder: holder() });
        break;
      case KIND.decref:
        out[k] = clean({ k: 'decref', obj: num(), rc: num(), holder: holder() });
        break;
      case KIND.move:
        out[k] = clean({ k: 'move', obj: num(), rc: num(), from: holder(), to: holder() });
        break;
      case KIND.dealloc:
        out[k] = { k: 'dealloc', obj: num(), reason: num() === 1 ? 'gc' : 'refcount' };
        break;
      case KIND.update:
        out[k] = clean({ k: 'update', obj: num(), size: opt(), repr: str(), length: opt(), gcTracked: bool() });
        break;
      case KIND.call: {
        const frame = num();
        const parent = opt() ?? null;
        out[k] = clean({ k: 'call', frame, parent, name: str()!, line: num(), thread: opt() });
        break;
      }
      case KIND.return:
        out[k] = { k: 'return', frame: num(), value: opt() ?? null };
        break;
      case KIND.exception:
        out[k] = clean({ k: 'exception', type: str()!, message: str()!, line: num(), frame: num(), caught: bool() });
        break;
      case KIND.output:
        out[k] = { k: 'output', text: str()! };
        break;
      case KIND.gc: {
        const phase = str() as GcPhase, generation = num();
        const nObjs = num();
        const objs = nObjs < 0 ? undefined : Array.from({ length: nObjs }, () => num());
        const collected = opt(), uncollectable = opt();
        const counts: [number, number, number] | undefined = num() === 1 ? [num(), num(), num()] : undefined;
        out[k] = clean({ k: 'gc', phase, generation, objs, collected, uncollectable, counts });
        break;
      }
      case KIND.gil:
        out[k] = clean({ k: 'gil', what: str() as 'request', thread: num(), reason: str(), time: num() });
        break;
      case KIND.thread:
        out[k] = { k: 'thread', what: str() as 'start', thread: num(), name: str()!, time: num() };
        break;
      case KIND.lock:
        out[k] = { k: 'lock', what: str() as 'acquire', lock: num(), thread: num(), time: num() };
        break;
      case KIND.heap:
        out[k] = clean({ k: 'heap', what: str() as 'pool-state', address: num(), bytes: num(), arena: opt(), sizeClass: opt(), from: str() as 'used' | undefined, to: str() as 'used' | undefined });
        break;
      case KIND.json:
        out[k] = JSON.parse(str()!) as TraceEvent;
        break;
      default:
        throw new Error(`corrupt event encoding: kind ${kind} at ${i - 1}`);
    }
  }
  return out;
}
