// Holders as small integers, and per-object holder counts. Interning avoids building string keys
// on the hot path; counts live in a flat [id, count, id, count...] array (cheap to copy when a
// checkpointed record is cloned) that turns into a Map once an object has many holders (None held
// by thousands of list slots).
import { NAME_SCOPES, type FrameId, type Holder, type ObjId } from './events';

/** Holder id 0: every reference the events did not attribute. */
export const TEMPORARY_HOLDER = 0;
const TEMPORARY: Holder = { kind: 'temporary' };

/** Interns holders: equal holders get one small integer id for the life of a timeline. */
export class HolderTable {
  readonly list: Holder[] = [TEMPORARY];
  private readonly byObject = new Map<ObjId, Map<string, number>>();
  private readonly byName = NAME_SCOPES.map(() => new Map<FrameId, Map<string, number>>());
  private readonly byStack = new Map<FrameId, number>();
  private readonly byInterp = new Map<string, number>();
  private arena = -1;

  private add(h: Holder): number {
    this.list.push(h);
    return this.list.length - 1;
  }

  private inner<K>(outer: Map<K, Map<string, number>>, k: K, label: string, h: Holder): number {
    let m = outer.get(k);
    if (m === undefined) outer.set(k, (m = new Map()));
    let id = m.get(label);
    if (id === undefined) m.set(label, (id = this.add(h)));
    return id;
  }

  idOf(h: Holder | undefined): number {
    if (h === undefined) return TEMPORARY_HOLDER;
    switch (h.kind) {
      case 'object':
        return this.inner(this.byObject, h.obj, h.label, h);
      case 'name':
        return this.inner(this.byName[NAME_SCOPES.indexOf(h.scope)]!, h.frame, h.name, h);
      case 'stack': {
        let id = this.byStack.get(h.frame);
        if (id === undefined) this.byStack.set(h.frame, (id = this.add(h)));
        return id;
      }
      case 'arena':
        if (this.arena < 0) this.arena = this.add(h);
        return this.arena;
      case 'interpreter': {
        let id = this.byInterp.get(h.what);
        if (id === undefined) this.byInterp.set(h.what, (id = this.add(h)));
        return id;
      }
      case 'temporary':
        return TEMPORARY_HOLDER;
    }
  }
}

/** holder id -> count: pairs in an array while small, a Map beyond */
export type HolderCounts = number[] | Map<number, number>;
const SMALL = 32; // array length (16 holders) before switching to a Map

export function copyCounts(c: HolderCounts): HolderCounts {
  return Array.isArray(c) ? c.slice() : new Map(c);
}

export function entryCount(c: HolderCounts): number {
  return Array.isArray(c) ? c.length >> 1 : c.size;
}

/** Adds one reference from `hid`; returns the structure to keep (an array may become a Map). */
export function addCount(c: HolderCounts, hid: number): HolderCounts {
  if (!Array.isArray(c)) {
    c.set(hid, (c.get(hid) ?? 0) + 1);
    return c;
  }
  for (let i = 0; i < c.length; i += 2) {
    if (c[i] === hid) {
      c[i + 1]! += 1;
      return c;
    }
  }
  if (c.length < SMALL) {
    c.push(hid, 1);
    return c;
  }
  const m = new Map<number, number>();
  for (let i = 0; i < c.length; i += 2) m.set(c[i]!, c[i + 1]!);
  m.set(hid, 1);
  return m;
}

/** Drops one reference from `hid`; false if `hid` had none. */
export function dropCount(c: HolderCounts, hid: number): boolean {
  if (!Array.isArray(c)) {
    const old = c.get(hid);
    if (old === undefined) return false;
    if (old > 1) c.set(hid, old - 1);
    else c.delete(hid);
    return true;
  }
  for (let i = 0; i < c.length; i += 2) {
    if (c[i] !== hid) continue;
    if (c[i + 1]! > 1) c[i + 1]! -= 1;
    else c.splice(i, 2);
    return true;
  }
  return false;
}

export function forEachCount(c: HolderCounts, fn: (hid: number, count: number) => void): void {
  if (Array.isArray(c)) for (let i = 0; i < c.length; i += 2) fn(c[i]!, c[i + 1]!);
  else for (const [hid, n] of c) fn(hid, n);
}
