// Turns the timeline's HeapState at a step into the bounded StepSnapshot the webview draws: objects
// reachable from the frames first (up to the limit, the rest summarised per type), weak edges, gc
// counts, the step's events and the output so far.
import type { HeapState, ObjectInfo } from '../../engine/api';
import { keptByLinks } from '../../engine/trace/paths';
import { PANEL_LIMITS } from '../../protocol/panel';
import type { PanelObject, PanelWeakEdge, StepSnapshot } from '../../protocol/panel';
import type { EventIndex } from './eventlog';
import { lowerBound } from './eventlog';

const WEAK_TYPES = /weakref|weakproxy|ReferenceType|ProxyType|KeyedRef/;
const WEAK_TARGET = /\bto '[^']*' at 0x([0-9a-fA-F]+)/;

/** Weak edges read from weakref objects' reprs (`<weakref at 0x..; to 'C' at 0x..>`). */
export function weakEdges(objects: readonly ObjectInfo[]): PanelWeakEdge[] {
  const live = new Set(objects.map((o) => o.id));
  const out: PanelWeakEdge[] = [];
  for (const o of objects) {
    if (!WEAK_TYPES.test(o.type)) continue;
    const m = WEAK_TARGET.exec(o.repr);
    if (!m) continue;
    const to = parseInt(m[1], 16);
    if (live.has(to)) out.push({ from: o.id, to });
  }
  return out;
}

/** Objects ordered: reachable from frame names (breadth first), then the rest by id. */
export function orderForDisplay(state: HeapState): ObjectInfo[] {
  const byId = new Map(state.objects.map((o) => [o.id, o]));
  const children = new Map<number, number[]>();
  for (const o of state.objects) {
    for (const r of o.referrers) {
      if (r.holder.kind !== 'object') continue;
      const list = children.get(r.holder.obj);
      if (list) list.push(o.id);
      else children.set(r.holder.obj, [o.id]);
    }
  }
  const seen = new Set<number>();
  const order: ObjectInfo[] = [];
  const queue: number[] = [];
  for (const f of state.frames) for (const n of f.names) queue.push(n.obj);
  for (let q = 0; q < queue.length; q++) {
    const id = queue[q];
    if (seen.has(id)) continue;
    const o = byId.get(id);
    if (!o) continue;
    seen.add(id);
    order.push(o);
    for (const c of children.get(id) ?? []) if (!seen.has(c)) queue.push(c);
  }
  const rest = state.objects.filter((o) => !seen.has(o.id)).sort((a, b) => a.id - b.id);
  return order.concat(rest);
}

function toPanelObject(o: ObjectInfo, keptBy?: { obj?: number; text: string }): PanelObject {
  const p: PanelObject = {
    id: o.id, type: o.type, size: o.size, refcount: o.refcount, flags: [...o.flags], line: o.line,
    repr: o.repr.length > 200 ? o.repr.slice(0, 199) + '…' : o.repr,
    gcTracked: o.gcTracked,
    referrers: o.referrers.map((r) => ({ holder: r.holder, count: r.count, text: r.text })),
  };
  if (o.length !== undefined) p.length = o.length;
  if (o.generation !== undefined) p.generation = o.generation;
  if (keptBy) p.keptBy = keptBy;
  return p;
}

export interface SnapshotInputs {
  sessionId: number;
  step: number;
  state: HeapState;
  index: EventIndex;
  stdout: string;
  gcSamples: { steps: Uint32Array; counts: [number, number, number][] };
  limit?: number;
}

export function buildSnapshot(inp: SnapshotInputs): StepSnapshot {
  const { state, index, step } = inp;
  const limit = inp.limit ?? PANEL_LIMITS.snapshotObjects;
  const ordered = orderForDisplay(state);
  const shown = ordered.slice(0, limit);
  const byType = new Map<string, { type: string; count: number; bytes: number }>();
  let omittedBytes = 0;
  for (const o of ordered.slice(limit)) {
    const t = byType.get(o.type) ?? { type: o.type, count: 0, bytes: 0 };
    t.count++;
    t.bytes += o.size;
    omittedBytes += o.size;
    byType.set(o.type, t);
  }
  const { events, total } = index.eventsOfStep(step);
  const kept = keptByLinks(state.objects);
  const snap: StepSnapshot = {
    sessionId: inp.sessionId,
    step,
    line: state.line,
    frame: state.frames.length ? state.frames[state.frames.length - 1].id : 0,
    frames: state.frames.map((f) => ({ id: f.id, name: f.name, parent: f.parent, line: f.line, names: f.names.map((n) => ({ ...n })), thread: f.thread })),
    objects: shown.map((o) => toPanelObject(o, kept.get(o.id))),
    objectCount: state.objects.length,
    omitted: { count: ordered.length - shown.length, bytes: omittedBytes, byType: [...byType.values()].sort((a, b) => b.count - a.count) },
    weakEdges: weakEdges(state.objects),
    liveBytes: state.liveBytes,
    events,
    stepEventCount: total,
    stdoutTail: inp.stdout.length > PANEL_LIMITS.stdoutTail ? inp.stdout.slice(-PANEL_LIMITS.stdoutTail) : inp.stdout,
  };
  const k = lowerBound(inp.gcSamples.steps, step + 1) - 1;
  if (k >= 0) snap.gcCounts = inp.gcSamples.counts[k];
  return snap;
}
