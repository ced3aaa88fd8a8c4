// Counting a step snapshot's objects by type, and the growth between two such counts: the data behind
// the Memory view's "Objects by type" table (types.ts), kept free of the DOM so it is unit tested.
import type { StepSnapshot } from '../../src/protocol/panel';
import { isShared } from '../graph/model';

export interface TypeCount {
  type: string;
  count: number;
  bytes: number;
}

/** live objects per type at a step, most numerous first */
export function countByType(snap: StepSnapshot): TypeCount[] {
  const m = new Map<string, TypeCount>();
  const add = (type: string, count: number, bytes: number) => {
    const t = m.get(type) ?? { type, count: 0, bytes: 0 };
    t.count += count;
    t.bytes += bytes;
    m.set(type, t);
  };
  for (const o of snap.objects) {
    if (isShared(o)) continue;
    add(o.type, 1, o.size);
  }
  for (const t of snap.omitted.byType) add(t.type, t.count, t.bytes);
  return [...m.values()].sort((a, b) => b.count - a.count || a.type.localeCompare(b.type));
}

/** per type: count now minus count at the baseline (types that changed only), largest growth first */
export function growth(now: readonly TypeCount[], base: readonly TypeCount[]): { type: string; count: number; delta: number }[] {
  const before = new Map(base.map((t) => [t.type, t.count]));
  const out: { type: string; count: number; delta: number }[] = [];
  const seen = new Set<string>();
  for (const t of now) {
    seen.add(t.type);
    const d = t.count - (before.get(t.type) ?? 0);
    if (d !== 0) out.push({ type: t.type, count: t.count, delta: d });
  }
  for (const t of base) if (!seen.has(t.type)) out.push({ type: t.type, count: 0, delta: -t.count });
  return out.sort((a, b) => b.delta - a.delta || a.type.localeCompare(b.type));
}

