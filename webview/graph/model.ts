// From a step snapshot to the graph the panel draws: frames with their name slots, object nodes (or
// one node per collapsed type), reference edges with labels, weak edges, plus search and focus.
// Pure: no DOM.
import type { ObjId, PanelFrame, PanelObject, StepSnapshot } from '../../src/protocol/panel';

export type NodeKey = string;

export interface ObjectNode {
  key: NodeKey;
  kind: 'object';
  obj: PanelObject;
}

export interface GroupNode {
  key: NodeKey;
  kind: 'group';
  type: string;
  count: number;
  bytes: number;
  members: ObjId[];
}

export type GraphNode = ObjectNode | GroupNode;

export interface Slot {
  name: string;
  /** node the name points to, when drawn in the graph */
  target: NodeKey | null;
  /** value shown inline (shared objects hidden from the graph, e.g. `5`, `None`) */
  inline: string | null;
  obj: ObjId;
}

export interface FrameBox {
  id: number;
  name: string;
  line: number;
  thread: number;
  active: boolean;
  slots: Slot[];
}

export type EdgeFrom = { kind: 'node'; key: NodeKey } | { kind: 'slot'; frame: number; slot: number };

export interface GraphEdge {
  from: EdgeFrom;
  to: NodeKey;
  label: string;
  weak: boolean;
  /** references this edge stands for (a list holding an object twice, a collapsed group) */
  count: number;
}

export interface GraphModel {
  frames: FrameBox[];
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** objects hidden as shared (small ints, None, interned strings...) */
  hiddenShared: number;
  /** objects hidden as loose (held only by the value stack, constants, the interpreter) */
  hiddenLoose: number;
  /** types collapsed into one node */
  collapsedTypes: string[];
  /** nodes matching the search */
  matches: NodeKey[];
  /** objects not drawn because of the focus */
  hiddenByFocus: number;
}

export interface ModelOptions {
  showShared: boolean;
  /** show objects only the value stack, constants or the interpreter hold (default: hidden) */
  showLoose?: boolean;
  /** objects always shown (e.g. the gc simulation's sets) */
  keep?: ReadonlySet<ObjId>;
  /** collapse types with many instances into one node */
  collapse: boolean;
  /** a type is collapsed when it has more instances than this */
  collapseMin?: number;
  search: string;
  /** show only objects within `focusDepth` references of this one */
  focus: ObjId | null;
  focusDepth?: number;
}

/** Flags that mark objects the interpreter shares (kept out of the graph unless asked). */
export function isShared(o: PanelObject): boolean {
  return o.flags.some((f) => f === 'small-int' || f === 'interned' || f === 'immortal' || f === 'shared');
}

/**
 * Held by nothing the program names: only the value stack, a code object's constants, the script's
 * AST or the interpreter (temporaries and constants a learner did not write as objects).
 */
export function isLoose(o: PanelObject): boolean {
  return o.referrers.length > 0 && o.referrers.every((r) => r.holder.kind === 'stack' || r.holder.kind === 'arena' || r.holder.kind === 'interpreter' || r.holder.kind === 'temporary')
    || o.flags.includes('const') && !o.referrers.some((r) => r.holder.kind === 'name');
}

export function objectKey(id: ObjId): NodeKey {
  return `o:${id}`;
}

export function groupKey(type: string): NodeKey {
  return `g:${type}`;
}

export function hexAddr(id: number): string {
  return '0x' + id.toString(16);
}

/** Label order: `[2]` before `[10]`, then attributes and keys alphabetically. */
export function compareLabels(a: string, b: string): number {
  const ia = /^\[(\d+)\]$/.exec(a);
  const ib = /^\[(\d+)\]$/.exec(b);
  if (ia && ib) return Number(ia[1]) - Number(ib[1]);
  if (ia) return -1;
  if (ib) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

export function matchesSearch(o: PanelObject, q: string, names: ReadonlyMap<ObjId, string[]>): boolean {
  if (!q) return false;
  const s = q.trim().toLowerCase();
  if (!s) return false;
  if (s.startsWith('0x')) return hexAddr(o.id).startsWith(s) || hexAddr(o.id).endsWith(s.slice(2));
  if (o.type.toLowerCase() === s) return true;
  if ((names.get(o.id) ?? []).some((n) => n.toLowerCase() === s)) return true;
  return o.type.toLowerCase().includes(s) || o.repr.toLowerCase().includes(s) || (names.get(o.id) ?? []).some((n) => n.toLowerCase().includes(s));
}

function neighbourhood(objs: readonly PanelObject[], focus: ObjId, depth: number): Set<ObjId> {
  const adj = new Map<ObjId, ObjId[]>();
  const link = (a: ObjId, b: ObjId) => {
    const l = adj.get(a);
    if (l) l.push(b);
    else adj.set(a, [b]);
  };
  for (const o of objs) for (const r of o.referrers) if (r.holder.kind === 'object') { link(o.id, r.holder.obj); link(r.holder.obj, o.id); }
  const seen = new Set<ObjId>([focus]);
  let frontier = [focus];
  for (let d = 0; d < depth; d++) {
    const next: ObjId[] = [];
    for (const id of frontier) for (const n of adj.get(id) ?? []) if (!seen.has(n)) { seen.add(n); next.push(n); }
    frontier = next;
  }
  return seen;
}

export function buildModel(snap: StepSnapshot, opt: ModelOptions): GraphModel {
  const byId = new Map(snap.objects.map((o) => [o.id, o]));
  const names = new Map<ObjId, string[]>();
  for (const f of snap.frames) for (const n of f.names) {
    const l = names.get(n.obj);
    if (l) l.push(n.name);
    else names.set(n.obj, [n.name]);
  }
  const keep = opt.keep ?? new Set<ObjId>();
  let visible = snap.objects.filter((o) => opt.showShared || !isShared(o) || keep.has(o.id));
  const hiddenShared = snap.objects.length - visible.length;
  const beforeLoose = visible.length;
  if (!opt.showLoose) visible = visible.filter((o) => !isLoose(o) || keep.has(o.id));
  const hiddenLoose = beforeLoose - visible.length;
  let hiddenByFocus = 0;
  if (opt.focus !== null && byId.has(opt.focus)) {
    const keep = neighbourhood(snap.objects, opt.focus, opt.focusDepth ?? 2);
    const before = visible.length;
    visible = visible.filter((o) => keep.has(o.id));
    hiddenByFocus = before - visible.length;
  }
  // collapse by type
  const collapsedTypes: string[] = [];
  const keyOf = new Map<ObjId, NodeKey>();
  const nodes: GraphNode[] = [];
  const groups = new Map<string, GroupNode>();
  if (opt.collapse) {
    const counts = new Map<string, number>();
    for (const o of visible) counts.set(o.type, (counts.get(o.type) ?? 0) + 1);
    const min = opt.collapseMin ?? 40;
    for (const [t, c] of counts) if (c > min) collapsedTypes.push(t);
    collapsedTypes.sort();
  }
  const collapsed = new Set(collapsedTypes);
  for (const o of visible) {
    if (collapsed.has(o.type)) {
      let g = groups.get(o.type);
      if (!g) {
        g = { key: groupKey(o.type), kind: 'group', type: o.type, count: 0, bytes: 0, members: [] };
        groups.set(o.type, g);
        nodes.push(g);
      }
      g.count++;
      g.bytes += o.size;
      g.members.push(o.id);
      keyOf.set(o.id, g.key);
    } else {
      const key = objectKey(o.id);
      keyOf.set(o.id, key);
      nodes.push({ key, kind: 'object', obj: o });
    }
  }
  // frames and their slots
  const frames: FrameBox[] = snap.frames.map((f: PanelFrame) => ({
    id: f.id, name: f.name, line: f.line, thread: f.thread, active: f.id === snap.frame,
    slots: f.names.map((n) => {
      const o = byId.get(n.obj);
      const target = keyOf.get(n.obj) ?? null;
      const inline = target === null ? (o ? o.repr : '…') : null;
      return { name: n.name, target, inline, obj: n.obj };
    }),
  }));
  // edges
  const edges: GraphEdge[] = [];
  frames.forEach((f) => f.slots.forEach((s, i) => {
    if (s.target) edges.push({ from: { kind: 'slot', frame: f.id, slot: i }, to: s.target, label: s.name, weak: false, count: 1 });
  }));
  const merged = new Map<string, GraphEdge>();
  for (const o of visible) {
    const to = keyOf.get(o.id)!;
    const refs = o.referrers.filter((r) => r.holder.kind === 'object').sort((a, b) => compareLabels(a.holder.kind === 'object' ? a.holder.label : '', b.holder.kind === 'object' ? b.holder.label : ''));
    for (const r of refs) {
      if (r.holder.kind !== 'object') continue;
      const from = keyOf.get(r.holder.obj);
      if (!from) continue;
      const id = `${from}>${to}`;
      const e = merged.get(id);
      if (e) {
        e.count += r.count;
        if (e.label.length < 24 && !from.startsWith('g:') && !to.startsWith('g:')) e.label += `, ${r.holder.label}`;
      } else {
        const ne: GraphEdge = { from: { kind: 'node', key: from }, to, label: from.startsWith('g:') || to.startsWith('g:') ? '' : r.holder.label, weak: false, count: r.count };
        merged.set(id, ne);
        edges.push(ne);
      }
    }
  }
  for (const w of snap.weakEdges) {
    const from = keyOf.get(w.from);
    const to = keyOf.get(w.to);
    if (from && to) edges.push({ from: { kind: 'node', key: from }, to, label: 'weak', weak: true, count: 1 });
  }
  for (const e of edges) if (e.to.startsWith('g:') || (e.from.kind === 'node' && e.from.key.startsWith('g:'))) e.label = e.count > 1 ? `×${e.count}` : e.label;
  const matches: NodeKey[] = [];
  if (opt.search.trim()) {
    const seen = new Set<NodeKey>();
    for (const o of visible) if (matchesSearch(o, opt.search, names)) {
      const k = keyOf.get(o.id)!;
      if (!seen.has(k)) { seen.add(k); matches.push(k); }
    }
  }
  return { frames, nodes, edges, hiddenShared, hiddenLoose, collapsedTypes, matches, hiddenByFocus };
}

/** Objects the collapse 'auto' mode kicks in for. */
export const AUTO_COLLAPSE_AT = 3000;
