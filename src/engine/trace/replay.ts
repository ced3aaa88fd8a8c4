// Replay: the heap, frames and live bytes that a prefix of the event stream leaves behind. Records
// are copy-on-write (tagged with the epoch of the state that may mutate them), so a checkpoint is
// two Map copies and later events clone only the records they touch.
import type { FrameId, Holder, ObjFlag, ObjId, TraceEvent } from './events';
import { addCount, copyCounts, dropCount, entryCount, TEMPORARY_HOLDER, type HolderCounts, type HolderTable } from './holders';

export class ObjRec {
  constructor(
    readonly id: ObjId,
    readonly type: string,
    public size: number,
    public refcount: number,
    readonly flags: readonly ObjFlag[],
    readonly line: number,
    public repr: string,
    public length: number | undefined,
    public gcTracked: boolean,
    public generation: number | undefined,
    /** holder id (HolderTable) -> references that holder has */
    public holders: HolderCounts,
    public epoch: number,
  ) {}

  clone(epoch: number): ObjRec {
    return new ObjRec(
      this.id, this.type, this.size, this.refcount, this.flags, this.line, this.repr,
      this.length, this.gcTracked, this.generation, copyCounts(this.holders), epoch,
    );
  }
}

/** A name bound in a frame; `n` is 2 only between the incref and decref of `x = x`. */
export interface NameBinding {
  readonly obj: ObjId;
  readonly n: number;
}

export interface FrameRec {
  readonly id: FrameId;
  readonly name: string;
  readonly parent: FrameId | null;
  line: number;
  readonly thread: number;
  names: Map<string, NameBinding>;
  epoch: number;
}

let lastEpoch = 0;
function nextEpoch(): number {
  return ++lastEpoch;
}

/** A frozen copy of a replay state, taken after `eventIndex` events. */
export interface Snapshot {
  readonly eventIndex: number;
  readonly objects: ReadonlyMap<ObjId, ObjRec>;
  readonly frames: ReadonlyMap<FrameId, FrameRec>;
  /** frames that returned while still binding names (suspended generators) */
  readonly parked: ReadonlyMap<FrameId, FrameRec>;
  readonly liveBytes: number;
}

const NO_FLAGS: readonly ObjFlag[] = Object.freeze([]);

export class ReplayState {
  objects: Map<ObjId, ObjRec>;
  frames: Map<FrameId, FrameRec>;
  parked: Map<FrameId, FrameRec>;
  liveBytes: number;
  private epoch = nextEpoch();
  /** most entries (holders of an object, names of a frame) one copy-on-write clone copied so far */
  private largestClone = 0;

  constructor(
    readonly holders: HolderTable,
    from?: Snapshot,
  ) {
    this.objects = from ? new Map(from.objects) : new Map();
    this.frames = from ? new Map(from.frames) : new Map();
    this.parked = from ? new Map(from.parked) : new Map();
    this.liveBytes = from ? from.liveBytes : 0;
  }

  /**
   * Events to let pass before the next checkpoint so that checkpoints and copy-on-write clones
   * cost O(1) per event amortized: a snapshot copies the three maps, and after it each record is
   * cloned at most once, at the price of its entries (the largest clone so far bounds that).
   */
  get checkpointSpacing(): number {
    return this.objects.size + this.frames.size + this.parked.size + this.largestClone;
  }

  snapshot(eventIndex: number): Snapshot {
    const snap: Snapshot = {
      eventIndex,
      objects: new Map(this.objects),
      frames: new Map(this.frames),
      parked: new Map(this.parked),
      liveBytes: this.liveBytes,
    };
    this.epoch = nextEpoch(); // records now shared with the snapshot: clone before writing
    return snap;
  }

  private writableObj(rec: ObjRec): ObjRec {
    if (rec.epoch === this.epoch) return rec;
    const copy = rec.clone(this.epoch);
    const n = entryCount(copy.holders);
    if (n > this.largestClone) this.largestClone = n;
    this.objects.set(rec.id, copy);
    return copy;
  }

  private writableFrame(rec: FrameRec, parked: boolean): FrameRec {
    if (rec.epoch === this.epoch) return rec;
    const copy: FrameRec = { ...rec, names: new Map(rec.names), epoch: this.epoch };
    if (copy.names.size > this.largestClone) this.largestClone = copy.names.size;
    (parked ? this.parked : this.frames).set(rec.id, copy);
    return copy;
  }

  private moduleFrame(): FrameRec {
    const f: FrameRec = { id: 0, name: '<module>', parent: null, line: 0, thread: 0, names: new Map(), epoch: this.epoch };
    this.frames.set(0, f);
    return f;
  }

  apply(e: TraceEvent): void {
    switch (e.k) {
      case 'line': {
        const f = this.frames.get(e.frame) ?? (e.frame === 0 ? this.moduleFrame() : undefined);
        if (f !== undefined && f.line !== e.line) this.writableFrame(f, false).line = e.line;
        return;
      }
      case 'alloc':
        return this.alloc(e);
      case 'incref':
      case 'decref':
        return this.ref(e.obj, e.rc, e.holder, e.k === 'incref');
      case 'move':
        this.ref(e.obj, e.rc, e.from, false);
        return this.ref(e.obj, e.rc, e.to, true);
      case 'dealloc': {
        const rec = this.objects.get(e.obj);
        if (rec === undefined) return;
        this.liveBytes -= rec.size;
        this.objects.delete(e.obj);
        return;
      }
      case 'update': {
        const old = this.objects.get(e.obj);
        if (old === undefined) return;
        const rec = this.writableObj(old);
        if (e.size !== undefined) {
          this.liveBytes += e.size - rec.size;
          rec.size = e.size;
        }
        if (e.repr !== undefined) rec.repr = e.repr;
        if (e.length !== undefined) rec.length = e.length;
        if (e.gcTracked !== undefined && e.gcTracked !== rec.gcTracked) {
          rec.gcTracked = e.gcTracked;
          rec.generation = e.gcTracked ? 0 : undefined;
        }
        return;
      }
      case 'call': {
        const parked = this.parked.get(e.frame);
        if (parked !== undefined) this.parked.delete(e.frame);
        const parentThread = e.parent === null ? undefined : this.frames.get(e.parent)?.thread;
        this.frames.set(e.frame, {
          id: e.frame,
          name: e.name,
          parent: e.parent,
          line: e.line,
          thread: e.thread ?? parentThread ?? 0,
          names: parked !== undefined ? parked.names : new Map(),
          epoch: parked !== undefined ? parked.epoch : this.epoch,
        });
        return;
      }
      case 'return': {
        const f = this.frames.get(e.frame);
        if (f === undefined) return;
        this.frames.delete(e.frame);
        if (f.names.size > 0) this.parked.set(e.frame, f);
        return;
      }
      case 'gc': {
        if (e.phase !== 'promote' || e.objs === undefined) return;
        for (const id of e.objs) {
          const old = this.objects.get(id);
          if (old !== undefined && old.gcTracked && old.generation !== e.generation) this.writableObj(old).generation = e.generation;
        }
        return;
      }
      default:
        return; // exception, output, gil, thread: no heap state
    }
  }

  private alloc(e: Extract<TraceEvent, { k: 'alloc' }>): void {
    const old = this.objects.get(e.obj);
    if (old !== undefined) {
      // an address reused without a dealloc event: the old record is gone
      this.liveBytes -= old.size;
      this.objects.delete(e.obj);
    }
    const rc = e.rc ?? 1;
    const flags = e.flags ?? NO_FLAGS;
    // an immortal or interpreter-shared object's refcount is no count of references: its holder gets one
    const held = flags.includes('immortal') || flags.includes('shared') ? Math.min(rc, 1) : rc;
    const holders: number[] = [];
    if (held > 0) holders.push(this.holders.idOf(e.holder), held);
    const tracked = e.gcTracked ?? false;
    const gen = tracked ? 0 : undefined;
    this.objects.set(e.obj, new ObjRec(e.obj, e.type, e.size, rc, flags, e.line, e.repr, undefined, tracked, gen, holders, this.epoch));
    this.liveBytes += e.size;
    if (e.holder !== undefined && e.holder.kind === 'name' && rc > 0) this.bind(e.holder.frame, e.holder.name, e.obj);
  }

  private ref(obj: ObjId, rc: number, holder: Holder | undefined, inc: boolean): void {
    const old = this.objects.get(obj);
    if (old !== undefined) {
      const rec = this.writableObj(old);
      rec.refcount = rc;
      const hid = this.holders.idOf(holder);
      if (inc) rec.holders = addCount(rec.holders, hid);
      else if (!dropCount(rec.holders, hid) && hid !== TEMPORARY_HOLDER) {
        // dropping a reference the events never attributed to this holder: it was an unnamed one
        dropCount(rec.holders, TEMPORARY_HOLDER);
      }
    }
    if (holder !== undefined && holder.kind === 'name') {
      if (inc) this.bind(holder.frame, holder.name, obj);
      else this.unbind(holder.frame, holder.name, obj);
    }
  }

  private bind(frame: FrameId, name: string, obj: ObjId): void {
    let parked = false;
    let f = this.frames.get(frame);
    if (f === undefined) {
      f = this.parked.get(frame);
      parked = true;
    }
    if (f === undefined) {
      if (frame !== 0) return;
      f = this.moduleFrame();
      parked = false;
    }
    const w = this.writableFrame(f, parked);
    const cur = w.names.get(name);
    w.names.set(name, cur !== undefined && cur.obj === obj ? { obj, n: cur.n + 1 } : { obj, n: 1 });
  }

  private unbind(frame: FrameId, name: string, obj: ObjId): void {
    let parked = false;
    let f = this.frames.get(frame);
    if (f === undefined) {
      f = this.parked.get(frame);
      parked = true;
    }
    if (f === undefined) return;
    const cur = f.names.get(name);
    if (cur === undefined || cur.obj !== obj) return; // the name was already rebound
    const w = this.writableFrame(f, parked);
    if (cur.n > 1) w.names.set(name, { obj, n: cur.n - 1 });
    else {
      w.names.delete(name);
      if (parked && w.names.size === 0) this.parked.delete(frame);
    }
  }
}
