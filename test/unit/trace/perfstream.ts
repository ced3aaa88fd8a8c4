// A large synthetic event stream for the timeline's performance bounds: a heap that grows to `live`
// objects held in 64 global lists, name rebinding, calls with locals and stack references, list
// resizes, GC promotions and output. Generated fast (no model checks): rc bookkeeping by construction.
import type { Holder, ObjId } from '../../../src/engine/trace/events';
import type { EventSeq } from '../../../src/engine/trace/log';
import { EventRecorder } from '../../../src/engine/trace/recorder';
import { BASE_ADDR } from './gen';

export function perfStream(events: number, live: number): EventSeq {
  const rec = new EventRecorder();
  const rc = new Map<ObjId, number>();
  const size = new Map<ObjId, number>();
  let nextAddr = BASE_ADDR;
  const freeList: ObjId[] = [];
  let nextFrame = 1;

  const alloc = (type: string, sz: number, line: number, tracked: boolean): ObjId => {
    const id = freeList.pop() ?? (nextAddr += 48);
    rc.set(id, 1);
    size.set(id, sz);
    rec.alloc(id, type, sz, line, `<${type} object at 0x${id.toString(16)}>`, undefined, tracked);
    return id;
  };
  const inc = (id: ObjId, h?: Holder): void => {
    const n = rc.get(id)! + 1;
    rc.set(id, n);
    rec.incref(id, n, h);
  };
  const dec = (id: ObjId, h?: Holder): void => {
    const n = rc.get(id)! - 1;
    rc.set(id, n);
    rec.decref(id, n, h);
    if (n === 0) {
      rc.delete(id);
      size.delete(id);
      rec.dealloc(id, 'refcount');
      freeList.push(id);
    }
  };

  rec.call(0, null, '<module>', 1);
  const roots: ObjId[] = [];
  const rootLen: number[] = [];
  for (let i = 0; i < 64; i++) {
    rec.line(1, 0);
    const l = alloc('list', 56, 1, true);
    inc(l, { kind: 'name', frame: 0, name: `r${i}`, scope: 'global' });
    dec(l);
    roots.push(l);
    rootLen.push(0);
  }
  // ring of live objects: [object, root index, slot]
  const ring: [ObjId, number, number][] = [];
  let ringHead = 0;
  let bound: ObjId | null = null;
  const xName: Holder = { kind: 'name', frame: 0, name: 'x', scope: 'global' };
  let step = 0;
  while (rec.count < events) {
    step++;
    const line = 2 + (step % 30);
    rec.line(line, 0);
    const r = step % 64;
    const o = alloc(step % 3 === 0 ? 'int' : 'Node', step % 3 === 0 ? 28 : 48, line, step % 3 !== 0);
    const slot = rootLen[r]!++;
    inc(o, { kind: 'object', obj: roots[r]!, label: `[${slot}]` });
    if (slot % 8 === 0) {
      const grown = 56 + 8 * (slot + 8);
      rec.update(roots[r]!, grown, undefined, slot + 1);
    }
    inc(o, xName);
    dec(o);
    if (bound !== null) dec(bound, xName);
    bound = o;
    ring.push([o, r, slot]);
    if (ring.length - ringHead > live) {
      const [old, orr, os] = ring[ringHead++]!;
      dec(old, { kind: 'object', obj: roots[orr]!, label: `[${os}]` });
    }
    if (step % 50 === 0) {
      const f = nextFrame++;
      rec.call(f, 0, 'work', 40);
      for (let j = 0; j < 5; j++) {
        rec.line(41 + j, f);
        const t = alloc('str', 53, 41 + j, false);
        inc(t, { kind: 'name', frame: f, name: 'tmp', scope: 'local' });
        dec(t);
        inc(o, { kind: 'stack', frame: f });
        dec(o, { kind: 'stack', frame: f });
        dec(t, { kind: 'name', frame: f, name: 'tmp', scope: 'local' });
      }
      rec.ret(f, null);
      rec.line(line, 0, true);
    }
    if (step % 1000 === 0) {
      rec.gc('start', 0, { counts: [700, 0, 0] });
      const survivors = ring.slice(Math.max(ringHead, ring.length - 100)).map((x) => x[0]);
      rec.gc('promote', 1, { objs: survivors });
      rec.gc('stop', 0, { collected: 0, uncollectable: 0 });
    }
    if (step % 500 === 0) rec.output(`step ${step}\n`);
  }
  return rec.events;
}
