// Synthetic event streams for the trace tests: a tiny model VM that allocates, binds names, stores
// into containers, calls and returns, frees (cascading into contents) and reuses addresses, and
// records its own view of the heap at some steps so tests can check the timeline against it.
import type { FrameId, Holder, ObjId, TraceEvent } from '../../../src/engine/trace/events';
import { EventRecorder } from '../../../src/engine/trace/recorder';

/** Deterministic PRNG (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface ModelObject {
  id: ObjId;
  type: string;
  size: number;
  rc: number;
  /** holder key (JSON) -> count */
  refs: Map<string, number>;
  generation: number | undefined;
}

export interface ModelFrame {
  id: FrameId;
  name: string;
  names: Map<string, ObjId>;
}

export interface ModelSnapshot {
  step: number;
  objects: Map<ObjId, { type: string; size: number; rc: number; refs: Map<string, number>; generation: number | undefined }>;
  frames: { id: FrameId; name: string; names: Map<string, ObjId> }[];
  liveBytes: number;
}

export interface GenOptions {
  seed: number;
  /** stop after about this many events */
  events: number;
  /** addresses to cycle through (small pools force address reuse) */
  addresses?: number;
  /** chance per step of recording a model snapshot */
  snapshotRate?: number;
  /** live objects the model aims to stay under */
  maxLive?: number;
  /** chance that a new object is also stored in a random live container (grows the heap) */
  retain?: number;
}

export const BASE_ADDR = 0x7f0000001000;
const TYPES: [string, number][] = [['list', 56], ['int', 28], ['str', 53], ['dict', 64], ['tuple', 48], ['Node', 48]];
const NAMES = ['a', 'b', 'c', 'data', 'x', 'y', 'node', 'tmp'];
const temp: Holder = { kind: 'temporary' };

export function holderKey(h: Holder | undefined): string {
  return JSON.stringify(h ?? temp);
}

export function generateStream(opts: GenOptions): { events: TraceEvent[]; snapshots: ModelSnapshot[] } {
  const rand = rng(opts.seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const rec = new EventRecorder();
  const objs = new Map<ObjId, ModelObject>();
  const free: ObjId[] = [];
  for (let i = (opts.addresses ?? 4096) - 1; i >= 0; i--) free.push(BASE_ADDR + i * 32);
  const frames: ModelFrame[] = [];
  const snapshots: ModelSnapshot[] = [];
  const maxLive = opts.maxLive ?? 2000;
  let nextFrame = 0;
  let liveBytes = 0;
  let step = -1;
  // who may hold what: 'o<id>' (a container) or 'f<id>' (a frame's names and stack) -> objects
  const heldBy = new Map<string, Set<ObjId>>();
  const holderOwner = (h: Holder | undefined): string | null =>
    h === undefined ? null : h.kind === 'object' ? 'o' + h.obj : h.kind === 'name' || h.kind === 'stack' ? 'f' + h.frame : null;

  // live objects in an array for O(1) random picks (swap-remove on free)
  const liveList: ModelObject[] = [];
  const pos = new Map<ObjId, number>();
  const removeLive = (o: ModelObject): void => {
    const i = pos.get(o.id)!;
    const last = liveList.pop()!;
    if (last !== o) {
      liveList[i] = last;
      pos.set(last.id, i);
    }
    pos.delete(o.id);
  };
  const top = (): ModelFrame => frames[frames.length - 1]!;

  function addRef(o: ModelObject, h: Holder | undefined): void {
    const k = holderKey(h);
    o.refs.set(k, (o.refs.get(k) ?? 0) + 1);
    const owner = holderOwner(h);
    if (owner !== null) {
      let set = heldBy.get(owner);
      if (set === undefined) heldBy.set(owner, (set = new Set()));
      set.add(o.id);
    }
  }

  /** drop every reference held by a container or a frame */
  function releaseAll(owner: string, mine: (h: Holder) => boolean): void {
    const set = heldBy.get(owner);
    if (set === undefined) return;
    heldBy.delete(owner);
    for (const id of set) {
      const other = objs.get(id);
      if (other === undefined) continue;
      for (const [k, n] of [...other.refs]) {
        const h = JSON.parse(k) as Holder;
        if (mine(h)) for (let j = 0; j < n && objs.get(id) === other; j++) decref(other, h);
      }
    }
  }

  function incref(o: ModelObject, h: Holder | undefined): void {
    o.rc++;
    addRef(o, h);
    rec.incref(o.id, o.rc, h);
    if (h?.kind === 'name') bindName(h.frame, h.name, o.id);
  }

  function bindName(frame: FrameId, name: string, id: ObjId): void {
    const f = frames.find((x) => x.id === frame);
    f?.names.set(name, id);
  }

  function decref(o: ModelObject, h: Holder | undefined): void {
    const k = holderKey(h);
    const n = o.refs.get(k)!;
    if (n > 1) o.refs.set(k, n - 1);
    else o.refs.delete(k);
    o.rc--;
    rec.decref(o.id, o.rc, h);
    if (h?.kind === 'name' && n === 1) {
      const f = frames.find((x) => x.id === h.frame);
      if (f !== undefined && f.names.get(h.name) === o.id) f.names.delete(h.name);
    }
    if (o.rc === 0) dealloc(o);
  }

  function dealloc(o: ModelObject): void {
    // the container's references go first, as tp_dealloc clears its contents
    objs.delete(o.id);
    removeLive(o);
    releaseAll('o' + o.id, (h) => h.kind === 'object' && h.obj === o.id);
    liveBytes -= o.size;
    free.unshift(o.id); // LIFO reuse, like a free list
    rec.dealloc(o.id, 'refcount');
  }

  function bindNew(o: ModelObject | null, name: string): void {
    const f = top();
    const h: Holder = { kind: 'name', frame: f.id, name, scope: f.id === 0 ? 'global' : 'local' };
    const old = f.names.get(name);
    if (o !== null) incref(o, h);
    if (old !== undefined) decref(objs.get(old)!, h);
  }

  function alloc(born: Holder | undefined): ModelObject | null {
    const id = free.shift();
    if (id === undefined) return null;
    const [type, size] = pick(TYPES);
    const tracked = type !== 'int' && type !== 'str';
    const o: ModelObject = { id, type, size, rc: 1, refs: new Map(), generation: tracked ? 0 : undefined };
    addRef(o, born);
    objs.set(id, o);
    pos.set(id, liveList.length);
    liveList.push(o);
    liveBytes += size;
    rec.alloc(id, type, size, 1, `<${type}>`, undefined, tracked, born);
    return o;
  }

  /** a steal: the reference changes hands, the refcount stays */
  function move(o: ModelObject, from: Holder | undefined, to: Holder): void {
    const k = holderKey(from);
    const n = o.refs.get(k)!;
    if (n > 1) o.refs.set(k, n - 1);
    else o.refs.delete(k);
    addRef(o, to);
    rec.move(o.id, o.rc, from, to);
    if (to.kind === 'name') bindName(to.frame, to.name, o.id);
  }

  function snapshot(): void {
    const objects: ModelSnapshot['objects'] = new Map();
    for (const o of objs.values()) objects.set(o.id, { type: o.type, size: o.size, rc: o.rc, refs: new Map(o.refs), generation: o.generation });
    snapshots.push({ step, objects, frames: frames.map((f) => ({ id: f.id, name: f.name, names: new Map(f.names) })), liveBytes });
  }

  rec.call(0, null, '<module>', 1);
  frames.push({ id: nextFrame++, name: '<module>', names: new Map() });
  while (rec.count < opts.events) {
    if (step >= 0 && rand() < (opts.snapshotRate ?? 0)) snapshot();
    step++;
    rec.line(1 + Math.floor(rand() * 40), top().id);
    const ops = 1 + Math.floor(rand() * 4);
    for (let j = 0; j < ops; j++) {
      const r = rand();
      const all = liveList;
      if (r < 0.3 && objs.size < maxLive) {
        // x = <new object>: alloc, bind (first reference moves from the stack to the name)
        const born: Holder | undefined = rand() < 0.5 ? { kind: 'stack', frame: top().id } : undefined;
        const o = alloc(born);
        if (o === null) continue;
        if (liveList.length > 1 && rand() < (opts.retain ?? 0)) {
          const c = pick(liveList);
          if (c !== o) incref(o, { kind: 'object', obj: c.id, label: `[${c.size}]` });
        }
        if (rand() < 0.5) {
          bindNew(o, pick(NAMES));
          decref(o, born);
        } else {
          // STORE_NAME steals the stack's reference, then drops the old binding's
          const f = top();
          const name = pick(NAMES);
          const h: Holder = { kind: 'name', frame: f.id, name, scope: f.id === 0 ? 'global' : 'local' };
          const old = f.names.get(name);
          move(o, born, h);
          if (old !== undefined) decref(objs.get(old)!, h);
        }
      } else if (r < 0.45 && all.length > 1) {
        // container[i] = obj
        const c = pick(all);
        const o = pick(all);
        incref(o, { kind: 'object', obj: c.id, label: `[${Math.floor(rand() * 4)}]` });
        rec.update(c.id, c.size + 8, undefined, undefined);
        liveBytes += 8;
        c.size += 8;
      } else if (r < 0.55 && all.length > 0) {
        incref(pick(all), rand() < 0.5 ? { kind: 'stack', frame: top().id } : undefined);
      } else if (r < 0.8 && all.length > 0) {
        // drop one reference somebody holds
        const o = pick(all);
        const keys = [...o.refs.keys()];
        const h = JSON.parse(pick(keys)) as Holder;
        decref(o, h.kind === 'temporary' ? undefined : h);
      } else if (r < 0.85 && all.length > 0) {
        bindNew(pick(all), pick(NAMES));
      } else if (r < 0.9 && frames.length < 8) {
        const id = nextFrame++;
        rec.call(id, top().id, `f${id % 7}`, 1);
        frames.push({ id, name: `f${id % 7}`, names: new Map() });
        step++;
        rec.line(1 + Math.floor(rand() * 40), id);
      } else if (r < 0.95 && frames.length > 1) {
        const f = top();
        releaseAll('f' + f.id, (h) => (h.kind === 'name' || h.kind === 'stack') && h.frame === f.id);
        rec.ret(f.id, null);
        frames.pop();
        step++;
        rec.line(1 + Math.floor(rand() * 40), top().id, true);
      } else if (r < 0.97 && all.length > 0) {
        const objsToPromote: ModelObject[] = [];
        for (let m = 0; m < 20 && all.length > 0; m++) {
          const o = pick(all);
          if (o.generation !== undefined && !objsToPromote.includes(o)) objsToPromote.push(o);
        }
        const gen = 1 + Math.floor(rand() * 2);
        rec.gc('promote', gen, { objs: objsToPromote.map((o) => o.id) });
        for (const o of objsToPromote) o.generation = gen;
      } else {
        rec.output(`out ${step}\n`);
      }
    }
  }
  return { events: rec.events.slice(), snapshots };
}
