// EventRecorder: the one place the VM, GC and scheduler hand their TraceEvents to. Hot path: the
// emitter checks `enabled` before building arguments; the frequent kinds go straight into the columnar
// EventLog (no object per event), the others are built as one plain object only when stored. Past `maxEvents` nothing more is stored, `truncated` is set and `count`
// goes on counting, so the events kept are always a prefix of the run.
import type { FrameId, GcPhase, Holder, ObjFlag, ObjId, TraceEvent } from './events';
import { EventLog } from './log';

export interface RecorderOptions {
  enabled?: boolean;
  /** events kept; beyond it the trace is truncated (0 or omitted = no limit) */
  maxEvents?: number;
}

export interface GcDetails {
  objs?: ObjId[];
  collected?: number;
  uncollectable?: number;
  counts?: [number, number, number];
}

export class EventRecorder {
  /** emitters check this before building arguments; when false the methods do nothing */
  enabled: boolean;
  readonly maxEvents: number;
  /** set once an event had to be dropped because of `maxEvents` */
  truncated = false;
  /** every event offered while enabled, stored or not */
  count = 0;
  readonly events = new EventLog();
  /** the run records at all (`enabled` is switched off around the interpreter's own work) */
  readonly recording: boolean;

  constructor(options: RecorderOptions = {}) {
    this.enabled = options.enabled ?? true;
    this.recording = this.enabled;
    const max = options.maxEvents ?? 0;
    this.maxEvents = max > 0 ? max : Number.POSITIVE_INFINITY;
  }

  /** events offered but not stored */
  get dropped(): number {
    return this.count - this.events.length;
  }

  /** true when the next event will be stored; counts it either way (`on`: whether this kind records now) */
  private take(on = this.enabled): boolean {
    if (!on) return false;
    if (this.count++ < this.maxEvents) return true;
    this.truncated = true;
    return false;
  }

  line(line: number, frame: FrameId, resume?: boolean): void {
    if (!this.take()) return;
    this.events.line(line, frame, resume);
  }

  alloc(
    obj: ObjId,
    type: string,
    size: number,
    line: number,
    repr: string,
    flags?: ObjFlag[],
    gcTracked?: boolean,
    holder?: Holder,
    rc?: number,
  ): void {
    if (!this.take()) return;
    if (rc !== undefined && rc !== 1) {
      const e: Extract<TraceEvent, { k: 'alloc' }> = { k: 'alloc', obj, type, size, line, repr };
      if (flags !== undefined && flags.length > 0) e.flags = flags;
      if (gcTracked !== undefined) e.gcTracked = gcTracked;
      if (holder !== undefined) e.holder = holder;
      e.rc = rc;
      this.events.push(e);
      return;
    }
    this.events.alloc(obj, type, size, line, repr, flags !== undefined && flags.length > 0 ? flags : undefined, gcTracked, holder);
  }

  incref(obj: ObjId, rc: number, holder?: Holder): void {
    if (!this.take()) return;
    this.events.incref(obj, rc, holder);
  }

  decref(obj: ObjId, rc: number, holder?: Holder): void {
    if (!this.take()) return;
    this.events.decref(obj, rc, holder);
  }

  /** A reference changes hands with no refcount change (a steal): `from` loses it, `to` gains it. */
  move(obj: ObjId, rc: number, from?: Holder, to?: Holder): void {
    if (!this.take()) return;
    this.events.move(obj, rc, from, to);
  }

  dealloc(obj: ObjId, reason: 'refcount' | 'gc' = 'refcount'): void {
    if (!this.take()) return;
    this.events.dealloc(obj, reason);
  }

  update(obj: ObjId, size?: number, repr?: string, length?: number, gcTracked?: boolean): void {
    if (!this.take()) return;
    const e: Extract<TraceEvent, { k: 'update' }> = { k: 'update', obj };
    if (size !== undefined) e.size = size;
    if (repr !== undefined) e.repr = repr;
    if (length !== undefined) e.length = length;
    if (gcTracked !== undefined) e.gcTracked = gcTracked;
    this.events.push(e);
  }

  call(frame: FrameId, parent: FrameId | null, name: string, line: number, thread?: number): void {
    if (!this.take()) return;
    this.events.push(
      thread === undefined ? { k: 'call', frame, parent, name, line } : { k: 'call', frame, parent, name, line, thread },
    );
  }

  ret(frame: FrameId, value: ObjId | null): void {
    if (!this.take()) return;
    this.events.push({ k: 'return', frame, value });
  }

  exception(type: string, message: string, line: number, frame: FrameId, caught?: boolean): void {
    if (!this.take()) return;
    this.events.push(
      caught === undefined
        ? { k: 'exception', type, message, line, frame }
        : { k: 'exception', type, message, line, frame, caught },
    );
  }

  output(text: string): void {
    if (!this.take()) return;
    this.events.push({ k: 'output', text });
  }

  gc(phase: GcPhase, generation: number, details?: GcDetails): void {
    if (!this.take()) return;
    const e: Extract<TraceEvent, { k: 'gc' }> = { k: 'gc', phase, generation };
    if (details !== undefined) {
      if (details.objs !== undefined) e.objs = details.objs;
      if (details.collected !== undefined) e.collected = details.collected;
      if (details.uncollectable !== undefined) e.uncollectable = details.uncollectable;
      if (details.counts !== undefined) e.counts = details.counts;
    }
    this.events.push(e);
  }

  lock(what: 'acquire' | 'wait' | 'release', lock: ObjId, thread: number, time: number): void {
    if (!this.take()) return;
    this.events.push({ k: 'lock', what, lock, thread, time });
  }

  /**
   * an arena or pool event of the allocator model (see alloc/events.ts); recorded also while the
   * interpreter does its own work, so that each pool's story has no gaps
   */
  heap(e: Extract<TraceEvent, { k: 'heap' }>): void {
    if (!this.take(this.recording)) return;
    this.events.push(e);
  }

  gil(what: 'request' | 'drop_request' | 'acquire' | 'release', thread: number, time: number, reason?: string): void {
    if (!this.take()) return;
    this.events.push(
      reason === undefined ? { k: 'gil', what, thread, time } : { k: 'gil', what, thread, time, reason },
    );
  }

  thread(what: 'start' | 'end' | 'block' | 'unblock', thread: number, name: string, time: number): void {
    if (!this.take()) return;
    this.events.push({ k: 'thread', what, thread, name, time });
  }
}
