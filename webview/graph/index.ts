// The heap graph view: the one module behind which the drawing technique lives (our own stable grid
// layout + Canvas 2D; see webview/README.md for why). Pan (drag), zoom (wheel), select (click), focus
// (double click), hover highlights an object's references, short animations for allocation,
// deallocation and collection. Only what is on screen is drawn; zoomed out it draws boxes only.
import type { ObjId, StepSnapshot } from '../../src/protocol/panel';
import type { Palette } from '../ui/theme';
import { drawEdge, drawEdgeLabels, drawFrame, drawNode, slotY } from './draw';
import type { EdgeGeom, EdgeLabel } from './draw';
import { CELL_H, CELL_W, FRAME_HEADER, FRAME_W, GRID_X0, NODE_H, NODE_W, SLOT_H, StableLayout, cellX, cellY } from './layout';
import type { FramePos } from './layout';
import type { GraphModel, GraphNode, NodeKey } from './model';

export { buildModel, isShared, AUTO_COLLAPSE_AT, objectKey, groupKey } from './model';
export type { GraphModel, GraphNode, NodeKey } from './model';

const ENTER_MS = 380;
const EXIT_MS = 520;

interface Ghost {
  node: GraphNode;
  x: number;
  y: number;
  reason: 'refcount' | 'gc';
  start: number;
}

export interface GraphCallbacks {
  onSelect(key: NodeKey | null): void;
  onFocus(key: NodeKey): void;
  onView(zoom: number, panX: number, panY: number): void;
}

export interface GraphDecor {
  selected: NodeKey | null;
  /** objects the gc simulation highlights */
  flagged: ReadonlySet<ObjId>;
}

export class HeapGraph {
  readonly canvas: HTMLCanvasElement;
  private readonly layout = new StableLayout();
  /** positions while types are collapsed: a separate, compact map (groups do not land beside far-away cells) */
  private readonly collapsedLayout = new StableLayout();
  private activeLayout = this.layout;
  private model: GraphModel | null = null;
  private frames: FramePos[] = [];
  private pos = new Map<NodeKey, { x: number; y: number }>();
  private nodeByKey = new Map<NodeKey, GraphNode>();
  private enterAt = new Map<NodeKey, number>();
  private ghosts: Ghost[] = [];
  private rcChanged = new Set<NodeKey>();
  private matches = new Set<NodeKey>();
  private decor: GraphDecor = { selected: null, flagged: new Set() };
  private hovered: NodeKey | null = null;
  private zoom = 1;
  private panX = 20;
  private panY = 20;
  private raf = 0;
  private palette: Palette;
  /** milliseconds the last frame took to draw (for the scale measurements) */
  lastDrawMs = 0;
  lastDrawStats = { edgesMs: 0, nodesMs: 0, nodes: 0 };

  constructor(container: HTMLElement, palette: Palette, private readonly cb: GraphCallbacks) {
    this.palette = palette;
    this.canvas = document.createElement('canvas');
    this.canvas.className = 'heap-canvas';
    this.canvas.tabIndex = 0;
    this.canvas.setAttribute('role', 'img');
    this.canvas.setAttribute('aria-label', 'Heap graph: frames on the left, objects and references on the right');
    container.appendChild(this.canvas);
    this.bindInput();
    new ResizeObserver(() => this.requestDraw()).observe(this.canvas);
  }

  setPalette(p: Palette): void {
    this.palette = p;
    this.requestDraw();
  }

  /** A different document: forget positions. */
  resetLayout(): void {
    this.layout.reset();
    this.collapsedLayout.reset();
    this.pos.clear();
    this.nodeByKey.clear();
    this.ghosts = [];
    this.model = null;
  }

  setModel(model: GraphModel, snap: StepSnapshot, animate: boolean): void {
    const now = performance.now();
    const prevNodes = this.nodeByKey;
    const prevPos = this.pos;
    this.activeLayout = model.collapsedTypes.length ? this.collapsedLayout : this.layout;
    const r = this.activeLayout.update(model);
    this.frames = r.frames;
    this.pos = new Map();
    this.nodeByKey = new Map();
    for (const n of model.nodes) {
      const c = r.cells.get(n.key)!;
      this.pos.set(n.key, { x: cellX(c), y: cellY(c) });
      this.nodeByKey.set(n.key, n);
    }
    const reasons = new Map<ObjId, 'refcount' | 'gc'>();
    for (const e of snap.events) if (e.kind === 'dealloc' && e.obj !== undefined) reasons.set(e.obj, e.reason === 'gc' || e.duringGc ? 'gc' : 'refcount');
    this.rcChanged.clear();
    if (animate && this.model) {
      for (const n of model.nodes) {
        const before = prevNodes.get(n.key);
        if (!before) this.enterAt.set(n.key, now);
        else if (before.kind === 'object' && n.kind === 'object' && before.obj.refcount !== n.obj.refcount) this.rcChanged.add(n.key);
      }
      for (const [key, n] of prevNodes) {
        if (this.nodeByKey.has(key)) continue;
        const p = prevPos.get(key);
        if (!p) continue;
        const id = n.kind === 'object' ? n.obj.id : -1;
        this.ghosts.push({ node: n, x: p.x, y: p.y, reason: reasons.get(id) ?? 'refcount', start: now });
      }
    } else {
      this.enterAt.clear();
      this.ghosts = [];
    }
    this.model = model;
    this.matches = new Set(model.matches);
    if (this.hovered && !this.nodeByKey.has(this.hovered)) this.hovered = null;
    this.requestDraw();
  }

  setDecor(d: GraphDecor): void {
    this.decor = d;
    this.requestDraw();
  }

  setView(zoom: number, panX: number, panY: number): void {
    this.zoom = zoom;
    this.panX = panX;
    this.panY = panY;
    this.requestDraw();
  }

  get view(): { zoom: number; panX: number; panY: number } {
    return { zoom: this.zoom, panX: this.panX, panY: this.panY };
  }

  /** Zoom so that everything fits (never above 1). */
  fit(): void {
    const b = this.bounds();
    const w = this.canvas.clientWidth || 800;
    const h = this.canvas.clientHeight || 600;
    const z = Math.min(1, (w - 40) / Math.max(1, b.x2 - b.x1), (h - 40) / Math.max(1, b.y2 - b.y1));
    this.zoom = Math.max(0.05, z);
    this.panX = 20 - b.x1 * this.zoom;
    this.panY = 20 - b.y1 * this.zoom;
    this.emitView();
  }

  /** Pans so that `key` is in the middle (keeps the zoom, at least 0.6). */
  centerOn(key: NodeKey): void {
    const p = this.pos.get(key);
    if (!p) return;
    this.zoom = Math.max(this.zoom, 0.6);
    this.panX = (this.canvas.clientWidth || 800) / 2 - (p.x + NODE_W / 2) * this.zoom;
    this.panY = (this.canvas.clientHeight || 600) / 2 - (p.y + NODE_H / 2) * this.zoom;
    this.emitView();
  }

  zoomBy(f: number, cx?: number, cy?: number): void {
    const x = cx ?? (this.canvas.clientWidth || 800) / 2;
    const y = cy ?? (this.canvas.clientHeight || 600) / 2;
    const z = Math.max(0.05, Math.min(4, this.zoom * f));
    this.panX = x - ((x - this.panX) * z) / this.zoom;
    this.panY = y - ((y - this.panY) * z) / this.zoom;
    this.zoom = z;
    this.emitView();
  }

  panBy(dx: number, dy: number): void {
    this.panX += dx;
    this.panY += dy;
    this.emitView();
  }

  /** Where `key` is drawn, in canvas pixels (for tests and the preview's checks). */
  nodeRect(key: NodeKey): { x: number; y: number; w: number; h: number } | null {
    const p = this.pos.get(key);
    if (!p) return null;
    return { x: this.panX + p.x * this.zoom, y: this.panY + p.y * this.zoom, w: NODE_W * this.zoom, h: NODE_H * this.zoom };
  }

  hasNode(key: NodeKey): boolean {
    return this.nodeByKey.has(key);
  }

  private emitView(): void {
    this.cb.onView(this.zoom, this.panX, this.panY);
    this.requestDraw();
  }

  private bounds(): { x1: number; y1: number; x2: number; y2: number } {
    let x2 = FRAME_W;
    let y2 = 100;
    for (const f of this.frames) y2 = Math.max(y2, f.y + f.height);
    for (const p of this.pos.values()) {
      x2 = Math.max(x2, p.x + NODE_W);
      y2 = Math.max(y2, p.y + NODE_H);
    }
    return { x1: 0, y1: 0, x2, y2 };
  }

  requestDraw(): void {
    if (this.raf) return;
    this.raf = requestAnimationFrame(() => {
      this.raf = 0;
      this.draw();
    });
  }

  private hit(sx: number, sy: number): NodeKey | null {
    const wx = (sx - this.panX) / this.zoom;
    const wy = (sy - this.panY) / this.zoom;
    if (wx >= 0 && wx <= FRAME_W && this.model) {
      // a name in a frame stands for the object it is bound to
      for (const f of this.frames) {
        if (wy < f.y + FRAME_HEADER || wy > f.y + f.height) continue;
        const slot = this.model.frames.find((m) => m.id === f.id)?.slots[Math.floor((wy - f.y - FRAME_HEADER) / SLOT_H)];
        return slot?.target ?? null;
      }
      return null;
    }
    const col = Math.floor((wx - GRID_X0) / CELL_W);
    const row = Math.floor(wy / CELL_H);
    const key = this.activeLayout.keyAt(col, row);
    if (!key || !this.nodeByKey.has(key)) return null;
    const p = this.pos.get(key)!;
    return wx >= p.x && wx <= p.x + NODE_W && wy >= p.y - 8 && wy <= p.y + NODE_H ? key : null;
  }

  private bindInput(): void {
    const c = this.canvas;
    let drag: { x: number; y: number; px: number; py: number; moved: boolean } | null = null;
    c.addEventListener('pointerdown', (e) => {
      c.setPointerCapture(e.pointerId);
      drag = { x: e.clientX, y: e.clientY, px: this.panX, py: this.panY, moved: false };
    });
    c.addEventListener('pointermove', (e) => {
      const r = c.getBoundingClientRect();
      if (drag) {
        const dx = e.clientX - drag.x;
        const dy = e.clientY - drag.y;
        if (Math.abs(dx) + Math.abs(dy) > 3) drag.moved = true;
        if (drag.moved) {
          this.panX = drag.px + dx;
          this.panY = drag.py + dy;
          this.requestDraw();
        }
        return;
      }
      const k = this.hit(e.clientX - r.left, e.clientY - r.top);
      if (k !== this.hovered) {
        this.hovered = k;
        c.style.cursor = k ? 'pointer' : 'grab';
        this.requestDraw();
      }
    });
    c.addEventListener('pointerup', (e) => {
      const d = drag;
      drag = null;
      if (!d) return;
      if (d.moved) {
        this.emitView();
        return;
      }
      const r = c.getBoundingClientRect();
      this.cb.onSelect(this.hit(e.clientX - r.left, e.clientY - r.top));
    });
    c.addEventListener('dblclick', (e) => {
      const r = c.getBoundingClientRect();
      const k = this.hit(e.clientX - r.left, e.clientY - r.top);
      if (k) this.cb.onFocus(k);
    });
    c.addEventListener('wheel', (e) => {
      e.preventDefault();
      const r = c.getBoundingClientRect();
      if (e.ctrlKey || Math.abs(e.deltaY) >= Math.abs(e.deltaX)) this.zoomBy(Math.exp(-e.deltaY * 0.0015), e.clientX - r.left, e.clientY - r.top);
      else this.panBy(-e.deltaX, 0);
    }, { passive: false });
  }

  private edgeGeom(fromKey: NodeKey | null, fx: number, fy: number, to: { x: number; y: number }, toKey: NodeKey): EdgeGeom {
    const midY = to.y + NODE_H / 2;
    if (fromKey === null) return { x1: fx, y1: fy, x2: to.x, y2: midY, kind: 'forward' };
    const from = this.pos.get(fromKey)!;
    if (fromKey === toKey) return { x1: to.x + NODE_W - 40, y1: to.y, x2: to.x + NODE_W, y2: to.y + 14, kind: 'self' };
    // forward edges run a little above the middle and back edges below, so a pair a <-> b stays readable
    if (to.x > from.x) return { x1: from.x + NODE_W, y1: from.y + NODE_H / 2 - 5, x2: to.x, y2: midY - 5, kind: 'forward' };
    if (to.x === from.x) return { x1: from.x + NODE_W, y1: from.y + NODE_H / 2 + (to.y > from.y ? 6 : -6), x2: to.x + NODE_W, y2: midY + (to.y > from.y ? -6 : 6), kind: 'side' };
    return { x1: from.x, y1: from.y + NODE_H / 2 + 7, x2: to.x + NODE_W, y2: midY + 7, kind: 'back' };
  }

  private draw(): void {
    const t0 = performance.now();
    const c = this.canvas;
    const dpr = window.devicePixelRatio || 1;
    const w = c.clientWidth;
    const h = c.clientHeight;
    if (c.width !== Math.floor(w * dpr) || c.height !== Math.floor(h * dpr)) {
      c.width = Math.floor(w * dpr);
      c.height = Math.floor(h * dpr);
    }
    const ctx = c.getContext('2d')!;
    const p = this.palette;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, w, h);
    const model = this.model;
    if (!model) return;
    ctx.setTransform(dpr * this.zoom, 0, 0, dpr * this.zoom, dpr * this.panX, dpr * this.panY);
    const vx1 = -this.panX / this.zoom - 60;
    const vy1 = -this.panY / this.zoom - 60;
    const vx2 = vx1 + w / this.zoom + 120;
    const vy2 = vy1 + h / this.zoom + 160;
    const inView = (x1: number, y1: number, x2: number, y2: number) => x2 >= vx1 && x1 <= vx2 && y2 >= vy1 && y1 <= vy2;
    const detail = this.zoom >= 0.42;
    const now = performance.now();
    let animating = false;
    const alphaOf = (key: NodeKey): number => {
      const t = this.enterAt.get(key);
      if (t === undefined) return 1;
      const a = (now - t) / ENTER_MS;
      if (a >= 1) {
        this.enterAt.delete(key);
        return 1;
      }
      animating = true;
      return 0.15 + 0.85 * a;
    };
    // frames
    const threads = new Set(model.frames.map((f) => f.thread)).size > 1;
    const framePos = new Map(this.frames.map((f) => [f.id, f]));
    model.frames.forEach((f) => {
      const fp = framePos.get(f.id)!;
      if (inView(0, fp.y, FRAME_W, fp.y + fp.height)) drawFrame(ctx, p, f, fp.y, fp.height, threads, detail);
    });
    // edges (a container with many elements draws its fan faintly)
    const hov = this.hovered ?? this.decor.selected;
    const fanOut = new Map<NodeKey, number>();
    for (const e of model.edges) if (e.from.kind === 'node') fanOut.set(e.from.key, (fanOut.get(e.from.key) ?? 0) + 1);
    const labels: EdgeLabel[] = [];
    for (const e of model.edges) {
      const to = this.pos.get(e.to);
      if (!to) continue;
      let fx: number;
      let fy: number;
      let fromKey: NodeKey | null = null;
      if (e.from.kind === 'slot') {
        const fp = framePos.get(e.from.frame);
        if (!fp) continue;
        fx = FRAME_W - 12;
        fy = slotY(fp.y, e.from.slot);
      } else {
        const from = this.pos.get(e.from.key);
        if (!from) continue;
        fromKey = e.from.key;
        fx = from.x + NODE_W;
        fy = from.y + NODE_H / 2;
      }
      if (!inView(Math.min(fx, to.x) - NODE_W - 60, Math.min(fy, to.y) - 60, Math.max(fx, to.x + NODE_W) + 120, Math.max(fy, to.y + NODE_H) + 60)) continue;
      const g = this.edgeGeom(fromKey, fx, fy, to, e.to);
      const emph = hov !== null && (e.to === hov || fromKey === hov);
      const label = e.from.kind === 'slot' ? '' : e.count > 1 && !e.label.startsWith('×') ? `${e.label} ×${e.count}` : e.label;
      const crowded = fromKey !== null && !emph && (fanOut.get(fromKey) ?? 0) > 16;
      const fan = (crowded ? 0.35 : 1) * (this.zoom < 0.2 && !emph ? 0.4 : 1);
      // a crowded fan's labels would be noise: the target's box says which element it is
      const placed = drawEdge(ctx, p, g, crowded && this.zoom < 0.8 ? '' : label, e.weak, emph, detail, fan * Math.min(alphaOf(e.to), fromKey ? alphaOf(fromKey) : 1));
      if (placed) labels.push(placed);
    }
    drawEdgeLabels(ctx, p, labels);
    const tEdges = performance.now();
    // nodes
    let drawnNodes = 0;
    for (const n of model.nodes) {
      const q = this.pos.get(n.key)!;
      if (!inView(q.x, q.y, q.x + NODE_W, q.y + NODE_H)) continue;
      const alpha = alphaOf(n.key);
      drawnNodes++;
      drawNode(ctx, p, n, q.x, q.y, {
        selected: this.decor.selected === n.key,
        match: this.matches.has(n.key),
        flagged: n.kind === 'object' ? this.decor.flagged.has(n.obj.id) : n.members.some((m) => this.decor.flagged.has(m)),
        hovered: this.hovered === n.key,
        alpha,
        ring: alpha < 1 ? p.alloc : null,
        rcChanged: this.rcChanged.has(n.key),
        detail,
      });
    }
    // dying objects fade out where they were, ringed red (refcount) or purple (collected by the GC)
    this.ghosts = this.ghosts.filter((g) => now - g.start < EXIT_MS);
    for (const g of this.ghosts) {
      animating = true;
      if (!inView(g.x, g.y, g.x + NODE_W, g.y + NODE_H)) continue;
      const a = 1 - (now - g.start) / EXIT_MS;
      drawNode(ctx, p, g.node, g.x, g.y, { selected: false, match: false, flagged: false, hovered: false, alpha: Math.max(0, a * 0.8), ring: g.reason === 'gc' ? p.gc : p.free, rcChanged: false, detail });
    }
    this.lastDrawMs = performance.now() - t0;
    this.lastDrawStats = { edgesMs: tEdges - t0, nodesMs: performance.now() - tEdges, nodes: drawnNodes };
    if (animating) this.requestDraw();
  }
}
