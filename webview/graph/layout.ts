// Stable layout of the heap graph. Frames are stacked in the left column; every object gets a grid
// cell the first time it appears (the free cell nearest to the right of its first referrer, children
// in label order) and keeps it: an object shown in two consecutive updates never moves. Cells stay
// reserved for objects that are gone (so scrubbing back and forth finds them where they were) until a
// new object needs room there; an object that disappeared in this very update is never displaced, so
// a new object never lands on a dying one.
import { compareLabels } from './model';
import type { GraphModel, NodeKey } from './model';

export const FRAME_W = 190;
export const FRAME_HEADER = 26;
export const SLOT_H = 22;
export const FRAME_GAP = 14;
export const CELL_W = 240;
export const CELL_H = 66;
export const NODE_W = 172;
export const NODE_H = 50;
/** x of grid column 0 */
export const GRID_X0 = FRAME_W + 70;

export interface Cell {
  col: number;
  row: number;
}

export interface FramePos {
  id: number;
  y: number;
  height: number;
}

export interface LayoutResult {
  cells: Map<NodeKey, Cell>;
  frames: FramePos[];
  /** keys placed in this update (their cell is new) */
  placed: NodeKey[];
}

export function cellX(c: Cell): number {
  return GRID_X0 + c.col * CELL_W;
}

export function cellY(c: Cell): number {
  return c.row * CELL_H;
}

export function frameHeight(slots: number): number {
  return FRAME_HEADER + Math.max(1, slots) * SLOT_H + 6;
}

const ck = (col: number, row: number) => col * 1_000_003 + row;

export class StableLayout {
  private readonly cells = new Map<NodeKey, Cell>();
  private readonly used = new Map<number, NodeKey>();
  /** keys drawn by the previous update */
  private previous = new Set<NodeKey>();
  private present = new Set<NodeKey>();

  /** Forget everything (a different document). */
  reset(): void {
    this.cells.clear();
    this.used.clear();
    this.previous = new Set();
    this.present = new Set();
  }

  cellOf(key: NodeKey): Cell | undefined {
    return this.cells.get(key);
  }

  /** The key at a grid cell, for hit testing. */
  keyAt(col: number, row: number): NodeKey | undefined {
    return this.used.get(ck(col, row));
  }

  update(model: GraphModel): LayoutResult {
    this.previous = this.present;
    this.present = new Set(model.nodes.map((n) => n.key));
    // frames stacked top to bottom
    const frames: FramePos[] = [];
    let y = 0;
    const slotRow = new Map<string, number>();
    for (const f of model.frames) {
      const h = frameHeight(f.slots.length);
      frames.push({ id: f.id, y, height: h });
      f.slots.forEach((_, i) => slotRow.set(`${f.id}:${i}`, Math.max(0, Math.round((y + FRAME_HEADER + i * SLOT_H + SLOT_H / 2 - NODE_H / 2) / CELL_H))));
      y += h + FRAME_GAP;
    }
    const detachedRow = Math.ceil(y / CELL_H) + 1;
    // children per parent, in edge (label) order
    const labelled = new Map<string, { key: NodeKey; label: string }[]>();
    const hasParent = new Set<NodeKey>();
    const push = (p: string, c: NodeKey, label: string) => {
      const l = labelled.get(p);
      if (l) l.push({ key: c, label });
      else labelled.set(p, [{ key: c, label }]);
    };
    for (const e of model.edges) {
      if (e.weak) continue;
      if (e.from.kind === 'slot') push(`s:${e.from.frame}:${e.from.slot}`, e.to, e.label);
      else if (e.from.key !== e.to) {
        push(e.from.key, e.to, e.label);
        hasParent.add(e.to);
      }
    }
    const children = new Map<string, NodeKey[]>();
    for (const [p, l] of labelled) children.set(p, l.sort((a, b) => compareLabels(a.label, b.label)).map((x) => x.key));
    const placed: NodeKey[] = [];
    const place = (key: NodeKey, anchor: Cell, siblings: number) => {
      if (this.cells.has(key)) return;
      const cell = this.freeCellNear(anchor, siblings);
      this.cells.set(key, cell);
      this.used.set(ck(cell.col, cell.row), key);
      placed.push(key);
    };
    // breadth first from the frames' slots, then from whatever is left (cycles nobody names...)
    const queue: NodeKey[] = [];
    model.frames.forEach((f) => f.slots.forEach((_, i) => {
      const kids = children.get(`s:${f.id}:${i}`) ?? [];
      for (const k of kids) {
        place(k, { col: -1, row: slotRow.get(`${f.id}:${i}`) ?? 0 }, kids.length);
        queue.push(k);
      }
    }));
    const visited = new Set<NodeKey>();
    const drain = () => {
      for (let q = 0; q < queue.length; q++) {
        const key = queue[q];
        if (visited.has(key)) continue;
        visited.add(key);
        const kids = children.get(key) ?? [];
        const from = this.cells.get(key)!;
        for (const k of kids) {
          if (!this.cells.has(k)) place(k, from, kids.length);
          if (!visited.has(k)) queue.push(k);
        }
      }
      queue.length = 0;
    };
    drain();
    const rest = model.nodes.filter((n) => !visited.has(n.key)).sort((a, b) => Number(hasParent.has(a.key)) - Number(hasParent.has(b.key)));
    for (const n of rest) {
      if (visited.has(n.key)) continue;
      place(n.key, { col: -1, row: detachedRow }, 1);
      queue.push(n.key);
      drain();
    }
    const cells = new Map<NodeKey, Cell>();
    for (const n of model.nodes) cells.set(n.key, this.cells.get(n.key)!);
    return { cells, frames, placed };
  }

  /** Nearest free cell right of `anchor`: columns left to right, rows downward from the anchor's row. */
  private freeCellNear(anchor: Cell, siblings: number): Cell {
    const rows = Math.max(8, Math.ceil(Math.sqrt(siblings) * 3));
    const r0 = Math.max(0, anchor.row);
    for (let col = anchor.col + 1; ; col++) {
      for (let dr = 0; dr < rows; dr++) {
        if (this.take(col, r0 + dr)) return { col, row: r0 + dr };
      }
      // a long way off: also look above the anchor before moving further right
      if (col - anchor.col > 3) {
        for (let dr = 1; dr <= Math.min(r0, rows); dr++) if (this.take(col, r0 - dr)) return { col, row: r0 - dr };
      }
    }
  }

  /** Whether the cell is free for a new node; a cell kept for a long-gone node is taken from it. */
  private take(col: number, row: number): boolean {
    const owner = this.used.get(ck(col, row));
    if (owner === undefined) return true;
    if (this.present.has(owner) || this.previous.has(owner)) return false;
    this.cells.delete(owner);
    this.used.delete(ck(col, row));
    return true;
  }
}
