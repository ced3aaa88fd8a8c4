// Small canvas charts shared by the GC and Memory views: a step-axis line chart with an optional
// threshold line, markers and the current-step cursor; clicking it moves the scrubber.
import { fitCanvas } from '../ui/dom';
import type { Palette } from '../ui/theme';

export interface LineChartSpec {
  points: { x: number; y: number }[];
  xMax: number;
  yMax: number;
  color: string;
  fill?: boolean;
  threshold?: number;
  markers?: number[];
  markerColor?: string;
  cursor?: number;
  /** a dot on each point (sparse samples) */
  dots?: boolean;
  yLabel?: (v: number) => string;
  title: string;
}

export function drawLineChart(canvas: HTMLCanvasElement, p: Palette, spec: LineChartSpec): void {
  const { ctx, w, h } = fitCanvas(canvas);
  ctx.clearRect(0, 0, w, h);
  const left = 56;
  const right = w - 10;
  const top = 20;
  const bottom = h - 16;
  const yMax = Math.max(1, spec.yMax, spec.threshold ?? 0);
  const X = (x: number) => left + (x / Math.max(1, spec.xMax)) * (right - left);
  const Y = (y: number) => bottom - (y / yMax) * (bottom - top);
  ctx.font = `12px ${p.font}`;
  ctx.fillStyle = p.fg;
  ctx.fillText(spec.title, left, 13);
  ctx.strokeStyle = p.border;
  ctx.lineWidth = 1;
  ctx.beginPath();
  ctx.moveTo(left, top);
  ctx.lineTo(left, bottom);
  ctx.lineTo(right, bottom);
  ctx.stroke();
  ctx.fillStyle = p.muted;
  ctx.font = `10px ${p.font}`;
  const lab = spec.yLabel ?? ((v: number) => String(Math.round(v)));
  for (const v of [0, yMax / 2, yMax]) {
    const t = lab(v);
    ctx.fillText(t, left - 6 - ctx.measureText(t).width, Y(v) + 3);
  }
  if (spec.markers) {
    ctx.fillStyle = spec.markerColor ?? p.gc;
    for (const m of spec.markers) ctx.fillRect(X(m) - 0.75, top, 1.5, bottom - top);
  }
  if (spec.points.length) {
    ctx.beginPath();
    ctx.moveTo(X(spec.points[0].x), Y(spec.points[0].y));
    for (const pt of spec.points) ctx.lineTo(X(pt.x), Y(pt.y));
    ctx.strokeStyle = spec.color;
    ctx.lineWidth = 1.5;
    ctx.stroke();
    if (spec.fill) {
      ctx.lineTo(X(spec.points[spec.points.length - 1].x), bottom);
      ctx.lineTo(X(spec.points[0].x), bottom);
      ctx.closePath();
      ctx.globalAlpha = 0.2;
      ctx.fillStyle = spec.color;
      ctx.fill();
      ctx.globalAlpha = 1;
    }
  }
  if (spec.dots && spec.points.length < 200) {
    ctx.fillStyle = spec.color;
    for (const pt of spec.points) {
      ctx.beginPath();
      ctx.arc(X(pt.x), Y(pt.y), 2.5, 0, Math.PI * 2);
      ctx.fill();
    }
  }
  if (spec.threshold !== undefined) {
    ctx.setLineDash([4, 4]);
    ctx.strokeStyle = p.free;
    ctx.beginPath();
    ctx.moveTo(left, Y(spec.threshold));
    ctx.lineTo(right, Y(spec.threshold));
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.fillStyle = p.free;
    const t = `threshold ${spec.threshold}`;
    ctx.fillText(t, right - ctx.measureText(t).width, Y(spec.threshold) - 4);
  }
  if (spec.cursor !== undefined) {
    ctx.fillStyle = p.focus;
    ctx.fillRect(X(spec.cursor) - 1, top, 2, bottom - top);
  }
}

/** The step under a click on a chart drawn by drawLineChart. */
export function chartStepAt(canvas: HTMLCanvasElement, clientX: number, xMax: number): number {
  const r = canvas.getBoundingClientRect();
  const left = 56;
  const right = r.width - 10;
  const f = Math.max(0, Math.min(1, (clientX - r.left - left) / Math.max(1, right - left)));
  return Math.round(f * xMax);
}
