// Canvas drawing primitives of the heap graph: object and group nodes (generation strip, refcount
// badge, size, repr, address), frames with their name slots, reference edges with arrowheads.
import type { Palette } from '../ui/theme';
import { FRAME_HEADER, FRAME_W, NODE_H, NODE_W, SLOT_H } from './layout';
import type { FrameBox, GraphNode } from './model';
import { hexAddr } from './model';

export function fmtSize(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${(n / 1048576).toFixed(1)} MiB`;
}

const clipCache = new Map<string, string>();

/** `s` cut with an ellipsis to fit `max` pixels in the current font (memoised: text rarely changes). */
export function clipText(ctx: CanvasRenderingContext2D, s: string, max: number): string {
  const key = `${ctx.font}|${max}|${s}`;
  const hit = clipCache.get(key);
  if (hit !== undefined) return hit;
  if (clipCache.size > 20_000) clipCache.clear();
  const out = clipUncached(ctx, s, max);
  clipCache.set(key, out);
  return out;
}

const widthCache = new Map<string, number>();

export function textWidth(ctx: CanvasRenderingContext2D, s: string): number {
  const key = `${ctx.font}|${s}`;
  let w = widthCache.get(key);
  if (w === undefined) {
    if (widthCache.size > 20_000) widthCache.clear();
    w = ctx.measureText(s).width;
    widthCache.set(key, w);
  }
  return w;
}

function clipUncached(ctx: CanvasRenderingContext2D, s: string, max: number): string {
  if (s.length > 400) s = s.slice(0, 400);
  if (ctx.measureText(s).width <= max) return s;
  let lo = 0;
  let hi = s.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (ctx.measureText(s.slice(0, mid) + '…').width <= max) lo = mid;
    else hi = mid - 1;
  }
  return s.slice(0, lo) + '…';
}

function roundRect(ctx: CanvasRenderingContext2D, x: number, y: number, w: number, h: number, r: number): void {
  ctx.beginPath();
  ctx.moveTo(x + r, y);
  ctx.arcTo(x + w, y, x + w, y + h, r);
  ctx.arcTo(x + w, y + h, x, y + h, r);
  ctx.arcTo(x, y + h, x, y, r);
  ctx.arcTo(x, y, x + w, y, r);
  ctx.closePath();
}

export function genColor(p: Palette, n: GraphNode): string {
  if (n.kind === 'group') return p.muted;
  const o = n.obj;
  if (!o.gcTracked || o.generation === undefined) return p.muted;
  return p.gen[Math.max(0, Math.min(3, o.generation))];
}

export interface NodeLook {
  selected: boolean;
  match: boolean;
  /** gc simulation highlight (unreachable, finalizer, ...) */
  flagged: boolean;
  hovered: boolean;
  /** 0..1 fade for enter/exit animations */
  alpha: number;
  /** ring colour pulsing around the node (alloc / free / gc) */
  ring: string | null;
  /** refcount changed in this step */
  rcChanged: boolean;
  /** level of detail: false = boxes only */
  detail: boolean;
}

export function drawNode(ctx: CanvasRenderingContext2D, p: Palette, n: GraphNode, x: number, y: number, look: NodeLook): void {
  ctx.save();
  ctx.globalAlpha = look.alpha;
  if (look.ring) {
    ctx.strokeStyle = look.ring;
    ctx.lineWidth = 4;
    roundRect(ctx, x - 4, y - 4, NODE_W + 8, NODE_H + 8, 7);
    ctx.stroke();
  }
  if (look.match) {
    ctx.fillStyle = p.match;
    roundRect(ctx, x - 6, y - 6, NODE_W + 12, NODE_H + 12, 8);
    ctx.fill();
  }
  if (n.kind === 'group') {
    for (const d of [6, 3]) {
      ctx.fillStyle = p.nodeBg;
      ctx.strokeStyle = p.nodeBorder;
      ctx.lineWidth = 1;
      roundRect(ctx, x + d, y - d, NODE_W, NODE_H, 4);
      ctx.fill();
      ctx.stroke();
    }
  }
  ctx.fillStyle = p.nodeBg;
  roundRect(ctx, x, y, NODE_W, NODE_H, 4);
  ctx.fill();
  ctx.lineWidth = look.selected || look.flagged ? 2.5 : look.hovered ? 1.5 : 1;
  ctx.strokeStyle = look.flagged ? p.free : look.selected || look.hovered ? p.focus : p.nodeBorder;
  if (look.flagged) ctx.setLineDash([5, 3]);
  ctx.stroke();
  ctx.setLineDash([]);
  // generation strip
  ctx.fillStyle = genColor(p, n);
  roundRect(ctx, x, y, 5, NODE_H, 2);
  ctx.fill();
  if (!look.detail) {
    // zoomed out: the box filled with its generation colour reads as a map of the heap
    ctx.globalAlpha = look.alpha * 0.55;
    ctx.fillStyle = genColor(p, n);
    ctx.fillRect(x + 5, y, NODE_W - 5, NODE_H);
    ctx.restore();
    return;
  }
  const tx = x + 12;
  const right = x + NODE_W - 8;
  ctx.textBaseline = 'alphabetic';
  if (n.kind === 'group') {
    ctx.fillStyle = p.fg;
    ctx.font = `600 12px ${p.font}`;
    ctx.fillText(clipText(ctx, `${n.type} × ${n.count.toLocaleString('en-US')}`, NODE_W - 20), tx, y + 16);
    ctx.fillStyle = p.muted;
    ctx.font = `11px ${p.font}`;
    ctx.fillText(`${fmtSize(n.bytes)} in all`, tx, y + 31);
    ctx.fillText('collapsed by type', tx, y + 44);
    ctx.restore();
    return;
  }
  const o = n.obj;
  ctx.font = `11px ${p.font}`;
  const size = fmtSize(o.size);
  const sw = textWidth(ctx, size);
  ctx.fillStyle = p.muted;
  ctx.fillText(size, right - sw - 16, y + 15);
  ctx.fillStyle = p.fg;
  ctx.font = `600 12px ${p.font}`;
  const title = o.length !== undefined ? `${o.type}  len ${o.length}` : o.type;
  ctx.fillText(clipText(ctx, title, NODE_W - 40 - sw), tx, y + 15);
  ctx.font = `11.5px ${p.mono}`;
  ctx.fillStyle = p.fg;
  ctx.fillText(clipText(ctx, o.repr, NODE_W - 20), tx, y + 30);
  ctx.font = `10px ${p.font}`;
  ctx.fillStyle = p.muted;
  ctx.fillText(hexAddr(o.id), tx, y + 44);
  const gen = !o.gcTracked ? 'untracked' : o.generation === 3 ? 'permanent' : o.generation !== undefined ? `gen ${o.generation}` : 'tracked';
  const flag = o.flags.includes('immortal') ? 'immortal' : o.flags.includes('small-int') ? 'small int' : o.flags.includes('interned') ? 'interned' : o.flags.includes('shared') ? 'shared' : o.flags.includes('const') ? 'const' : '';
  const tag = flag ? `${flag} · ${gen}` : gen;
  const gw = textWidth(ctx, tag);
  ctx.fillText(tag, right - gw, y + 44);
  // refcount badge
  const rc = o.flags.includes('immortal') ? '∞' : o.flags.includes('shared') || o.flags.includes('small-int') ? '≈' : String(o.refcount);
  ctx.font = `600 11px ${p.font}`;
  const rw = textWidth(ctx, rc);
  const bw = Math.max(18, rw + 10);
  const bx = x + NODE_W - bw / 2 - 2;
  const by = y + 1;
  ctx.fillStyle = look.rcChanged ? p.alloc : p.badgeBg;
  roundRect(ctx, bx - bw / 2, by - 8, bw, 16, 8);
  ctx.fill();
  if (p.highContrast) {
    ctx.strokeStyle = p.nodeBorder;
    ctx.lineWidth = 1;
    ctx.stroke();
  }
  ctx.fillStyle = look.rcChanged ? p.bg : p.badgeFg;
  ctx.fillText(rc, bx - rw / 2, by + 4);
  ctx.restore();
}

export function slotY(frameY: number, slot: number): number {
  return frameY + FRAME_HEADER + slot * SLOT_H + SLOT_H / 2;
}

export function drawFrame(ctx: CanvasRenderingContext2D, p: Palette, f: FrameBox, y: number, height: number, threads: boolean, detail: boolean): void {
  ctx.save();
  ctx.fillStyle = p.frameBg;
  roundRect(ctx, 0, y, FRAME_W, height, 4);
  ctx.fill();
  ctx.lineWidth = f.active ? 2 : 1;
  ctx.strokeStyle = f.active ? p.focus : p.nodeBorder;
  ctx.stroke();
  if (!detail) {
    ctx.restore();
    return;
  }
  ctx.fillStyle = p.fg;
  ctx.font = `600 12px ${p.font}`;
  const title = `${threads ? `T${f.thread} · ` : ''}${f.name}${f.name.startsWith('<') ? '' : '()'}`;
  ctx.fillText(clipText(ctx, title, FRAME_W - 60), 8, y + 17);
  ctx.font = `10.5px ${p.font}`;
  ctx.fillStyle = p.muted;
  const ln = `line ${f.line}`;
  ctx.fillText(ln, FRAME_W - 8 - ctx.measureText(ln).width, y + 17);
  ctx.strokeStyle = p.nodeBorder;
  ctx.lineWidth = 1;
  ctx.beginPath();
  ctx.moveTo(0, y + FRAME_HEADER - 3);
  ctx.lineTo(FRAME_W, y + FRAME_HEADER - 3);
  ctx.stroke();
  if (!f.slots.length) {
    ctx.fillStyle = p.muted;
    ctx.font = `italic 11px ${p.font}`;
    ctx.fillText('no names yet', 10, slotY(y, 0) + 4);
  }
  f.slots.forEach((s, i) => {
    const sy = slotY(y, i);
    ctx.font = `12px ${p.mono}`;
    ctx.fillStyle = p.fg;
    ctx.fillText(clipText(ctx, s.name, FRAME_W / 2 - 8), 10, sy + 4);
    if (s.inline !== null) {
      ctx.fillStyle = p.muted;
      ctx.font = `11.5px ${p.mono}`;
      const t = clipText(ctx, s.inline, FRAME_W / 2 - 14);
      ctx.fillText(t, FRAME_W - 10 - ctx.measureText(t).width, sy + 4);
    } else {
      ctx.fillStyle = p.edge;
      ctx.beginPath();
      ctx.arc(FRAME_W - 12, sy, 3.5, 0, Math.PI * 2);
      ctx.fill();
    }
  });
  ctx.restore();
}

export interface EdgeGeom {
  x1: number; y1: number; x2: number; y2: number;
  /** forward: left to right; side: same column (arc on the right); back: right to left; self: loop */
  kind: 'forward' | 'side' | 'back' | 'self';
}

/** Draws one edge. Weak edges dashed; `emph` draws it in the focus colour. */
/** Where an edge's label goes; drawn after all edges so that labels can avoid each other. */
export interface EdgeLabel {
  text: string;
  x: number;
  y: number;
  w: number;
  emph: boolean;
  alpha: number;
}

/** Draws one edge and returns its label placement (not drawn yet), if any. */
export function drawEdge(ctx: CanvasRenderingContext2D, p: Palette, g: EdgeGeom, label: string, weak: boolean, emph: boolean, detail: boolean, alpha: number): EdgeLabel | null {
  let out: EdgeLabel | null = null;
  ctx.save();
  ctx.globalAlpha = alpha;
  const color = emph ? p.focus : weak ? p.gc : p.edge;
  ctx.strokeStyle = color;
  ctx.fillStyle = color;
  ctx.lineWidth = emph ? 2 : 1.3;
  if (weak) ctx.setLineDash([5, 4]);
  const ex = g.x2;
  const ey = g.y2;
  let ang = 0;
  // the curve's control points; labels of side and back edges sit at its middle
  let c1x: number;
  let c1y: number;
  let c2x: number;
  let c2y: number;
  if (g.kind === 'self') {
    c1x = g.x1 + 10; c1y = g.y1 - 34; c2x = g.x2 + 44; c2y = g.y2 - 10;
    ang = Math.PI;
  } else if (g.kind === 'side') {
    const bulge = Math.min(58, 24 + Math.abs(g.y2 - g.y1) * 0.12);
    c1x = g.x1 + bulge; c1y = g.y1; c2x = g.x2 + bulge; c2y = g.y2;
    ang = Math.PI;
  } else if (g.kind === 'back') {
    const dx = Math.max(50, (g.x1 - g.x2) / 3);
    c1x = g.x1 - dx; c1y = g.y1; c2x = g.x2 + dx; c2y = g.y2;
    ang = Math.PI;
  } else {
    const dx = Math.max(40, (g.x2 - g.x1) / 2);
    c1x = g.x1 + dx; c1y = g.y1; c2x = g.x2 - dx; c2y = g.y2;
  }
  ctx.beginPath();
  ctx.moveTo(g.x1, g.y1);
  ctx.bezierCurveTo(c1x, c1y, c2x, c2y, g.x2, g.y2);
  ctx.stroke();
  ctx.setLineDash([]);
  if (detail) {
    const a = 7;
    ctx.beginPath();
    ctx.moveTo(ex, ey);
    ctx.lineTo(ex - a * Math.cos(ang - 0.4), ey - a * Math.sin(ang - 0.4));
    ctx.lineTo(ex - a * Math.cos(ang + 0.4), ey - a * Math.sin(ang + 0.4));
    ctx.closePath();
    ctx.fill();
    if (label) {
      ctx.font = `10px ${p.mono}`;
      const t = clipText(ctx, label, 70);
      const w = textWidth(ctx, t);
      const midX = (g.x1 + 3 * c1x + 3 * c2x + g.x2) / 8;
      const midY = (g.y1 + 3 * c1y + 3 * c2y + g.y2) / 8;
      const lx = g.kind === 'forward' ? g.x2 - 10 - w : g.kind === 'self' ? g.x2 + 8 : midX - w / 2;
      const ly = g.kind === 'forward' ? g.y2 - 5 : midY + 4;
      out = { text: t, x: lx, y: ly, w, emph, alpha };
    }
  }
  ctx.restore();
  return out;
}

/**
 * Draws edge labels, emphasised ones first, skipping any label that would overlap one already drawn
 * (a crowded gap between two columns stays readable).
 */
export function drawEdgeLabels(ctx: CanvasRenderingContext2D, p: Palette, labels: EdgeLabel[]): void {
  const placed: { x1: number; y1: number; x2: number; y2: number }[] = [];
  const order = [...labels.filter((l) => l.emph), ...labels.filter((l) => !l.emph)].slice(0, 400);
  ctx.save();
  ctx.font = `10px ${p.mono}`;
  for (const l of order) {
    const r = { x1: l.x - 2, y1: l.y - 9, x2: l.x + l.w + 2, y2: l.y + 3 };
    if (placed.some((q) => r.x1 < q.x2 && r.x2 > q.x1 && r.y1 < q.y2 && r.y2 > q.y1)) continue;
    placed.push(r);
    ctx.globalAlpha = l.alpha * 0.85;
    ctx.fillStyle = p.bg;
    ctx.fillRect(r.x1, r.y1, r.x2 - r.x1, r.y2 - r.y1);
    ctx.globalAlpha = l.alpha;
    ctx.fillStyle = l.emph ? p.focus : p.muted;
    ctx.fillText(l.text, l.x, l.y);
  }
  ctx.restore();
}
