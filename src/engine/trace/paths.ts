// Reachability over one HeapState, objgraph style: the shortest chain of referrers that keeps an
// object alive ("name `cache` in <module> → dict 0x...['k'] → list 0x...[3]"), and the objects that
// no root reaches (alive only through reference cycles: work for the cyclic GC).
// Roots are holders outside the heap: names, value stacks, the AST arena, the interpreter, and
// unattributed (temporary) references, which the simulator cannot follow further.
import type { HeapState, ObjectInfo, ReferrerInfo } from '../api';
import type { ObjFlag, ObjId } from './events';

const ROOT_FLAGS: readonly ObjFlag[] = ['shared', 'immortal', 'small-int', 'interned'];

function isRootObject(o: ObjectInfo): boolean {
  return o.flags.some((f) => ROOT_FLAGS.includes(f));
}

/**
 * The shortest chain from a root to `id`: referrers listed from the root's down to the object's
 * own. [] when the object is itself interpreter-owned, null when it is not alive or nothing outside
 * the heap reaches it (only cycles keep it alive).
 */
export function rootPath(state: HeapState, id: ObjId): ReferrerInfo[] | null {
  const byId = new Map<ObjId, ObjectInfo>();
  for (const o of state.objects) byId.set(o.id, o);
  const target = byId.get(id);
  if (target === undefined) return null;
  if (isRootObject(target)) return [];
  // breadth-first from the object towards its holders; `via` remembers each step back down:
  // holder -> (its reference to the child, the child)
  const via = new Map<ObjId, { ref: ReferrerInfo; child: ObjId }>();
  let frontier: ObjId[] = [id];
  while (frontier.length > 0) {
    const next: ObjId[] = [];
    for (const cur of frontier) {
      const o = byId.get(cur)!;
      const root = o.referrers.find((r) => r.holder.kind !== 'object');
      if (root !== undefined || isRootObject(o)) {
        const chain: ReferrerInfo[] = root !== undefined ? [root] : [];
        for (let c = cur; c !== id; ) {
          const down = via.get(c)!;
          chain.push(down.ref);
          c = down.child;
        }
        return chain;
      }
      for (const r of o.referrers) {
        if (r.holder.kind !== 'object') continue;
        const holderId = r.holder.obj;
        if (holderId === id || via.has(holderId) || !byId.has(holderId)) continue;
        via.set(holderId, { ref: r, child: cur });
        next.push(holderId);
      }
    }
    frontier = next;
  }
  return null;
}

/**
 * rootPath for every object at once (one breadth-first walk down from all roots): for each object the
 * next link up its shortest chain to a root, i.e. the holder object and its reference's text, or only
 * the root reference's text for an object a root holds. Objects only cycles keep alive have none.
 */
export function keptByLinks(objects: readonly ObjectInfo[]): Map<number, { obj?: number; text: string }> {
  const out = new Map<number, { obj?: number; text: string }>();
  const children = new Map<number, { child: number; text: string }[]>();
  const queue: number[] = [];
  for (const o of objects) {
    const root = o.referrers.find((r) => r.holder.kind !== 'object');
    if (root) {
      out.set(o.id, { text: root.text });
      queue.push(o.id);
    } else if (isRootObject(o)) {
      out.set(o.id, { text: 'the interpreter' });
      queue.push(o.id);
    }
    for (const r of o.referrers) {
      if (r.holder.kind !== 'object') continue;
      const list = children.get(r.holder.obj);
      const link = { child: o.id, text: r.text };
      if (list) list.push(link);
      else children.set(r.holder.obj, [link]);
    }
  }
  for (let q = 0; q < queue.length; q++) {
    const id = queue[q];
    for (const { child, text } of children.get(id) ?? []) {
      if (out.has(child)) continue;
      out.set(child, { obj: id, text });
      queue.push(child);
    }
  }
  return out;
}

/** Alive objects that no root reaches: kept alive only by reference cycles (or by freed holders). */
export function unreachableFromRoots(state: HeapState): ObjId[] {
  const contents = new Map<ObjId, ObjId[]>();
  const reached = new Set<ObjId>();
  let frontier: ObjId[] = [];
  for (const o of state.objects) {
    let rooted = isRootObject(o);
    for (const r of o.referrers) {
      if (r.holder.kind !== 'object') rooted = true;
      else {
        let list = contents.get(r.holder.obj);
        if (list === undefined) contents.set(r.holder.obj, (list = []));
        list.push(o.id);
      }
    }
    if (rooted) {
      reached.add(o.id);
      frontier.push(o.id);
    }
  }
  while (frontier.length > 0) {
    const next: ObjId[] = [];
    for (const c of frontier) {
      for (const child of contents.get(c) ?? []) {
        if (reached.has(child)) continue;
        reached.add(child);
        next.push(child);
      }
    }
    frontier = next;
  }
  return state.objects.filter((o) => !reached.has(o.id)).map((o) => o.id);
}
