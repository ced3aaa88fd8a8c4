// The GIL view: one lane per thread over the simulated clock (running / waiting for the GIL /
// blocked), GIL hand-overs as markers, and per-thread totals. A single-threaded run says so.
import type { GilOverview } from '../../src/protocol/panel';
import type { PanelState } from '../state/store';
import { clear, fitCanvas, h } from '../ui/dom';
import type { Palette } from '../ui/theme';

export interface GilActions {
  goto(step: number): void;
}

const LANE_H = 28;

export function pct(part: number, total: number): string {
  return total > 0 ? `${((100 * part) / total).toFixed(1)}%` : '–';
}

/** simulated microseconds as text */
function duration(us: number): string {
  if (us >= 1000) return `${(us / 1000).toFixed(2)} ms`;
  return `${us.toFixed(1)} µs`;
}

/** The simulated time at `step`: the clock of the last sampled step at or before it. */
export function clockAt(g: GilOverview, step: number): number | null {
  let t: number | null = null;
  for (const c of g.clock) {
    if (c.step > step) break;
    t = c.time;
  }
  return t;
}

export class GilView {
  readonly el: HTMLElement;
  private readonly canvas: HTMLCanvasElement;
  private readonly note: HTMLElement;
  private readonly totals: HTMLElement;
  private gil: GilOverview | null = null;
  private shownFor = -1;
  private step = 0;

  constructor(private palette: Palette, private readonly act: GilActions) {
    this.canvas = h('canvas', 'gil-lanes');
    this.note = h('p', 'empty-note');
    this.totals = h('tbody');
    const legend = h('div', 'legend inline', h('span', 'legend-item', h('span', 'swatch running'), 'running (holds the GIL)'), h('span', 'legend-item', h('span', 'swatch waiting'), 'waiting for the GIL'), h('span', 'legend-item', h('span', 'swatch blocked'), 'blocked (sleep, lock, join)'), h('span', 'legend-item', h('span', 'swatch switch'), 'GIL switch'));
    this.el = h('div', 'gil-view', this.note, legend, this.canvas,
      h('table', 'grid-table', h('thead', '', h('tr', '', h('th', '', 'thread'), h('th', 'num', 'running'), h('th', 'num', 'waiting'), h('th', 'num', 'blocked'))), this.totals));
    this.canvas.addEventListener('click', (e) => {
      const g = this.gil;
      if (!g || !g.switches.length) return;
      const r = this.canvas.getBoundingClientRect();
      const t = ((e.clientX - r.left - 120) / Math.max(1, r.width - 130)) * g.endTime;
      let best = g.switches[0];
      for (const s of g.switches) if (Math.abs(s.time - t) < Math.abs(best.time - t)) best = s;
      this.act.goto(best.step);
    });
    new ResizeObserver(() => this.draw()).observe(this.canvas);
  }

  setPalette(p: Palette): void {
    this.palette = p;
    this.draw();
  }

  update(s: PanelState): void {
    const ses = s.session;
    if (ses && s.step !== this.step) {
      this.step = s.step;
      this.draw();
    }
    if (!ses || ses.sessionId === this.shownFor) return;
    this.shownFor = ses.sessionId;
    const g = ses.gil;
    this.gil = g;
    clear(this.totals);
    const threads = g.lanes.length;
    if (threads <= 1) {
      this.note.textContent = 'This program runs one thread: it holds the GIL the whole time, so nothing waits for it and there are no switches.';
    } else {
      const procs = g.lanes.filter((l) => l.process).length;
      const lanes = procs ? `${threads - procs} thread${threads - procs === 1 ? '' : 's'} · ${procs} child process${procs === 1 ? '' : 'es'} (each with its own GIL)` : `${threads} threads`;
      this.note.textContent = `${lanes} · ${g.switchesTotal.toLocaleString('en-US')} GIL switch${g.switchesTotal === 1 ? '' : 'es'} · simulated time ${g.endTime.toLocaleString('en-US')} µs. Only the thread holding the GIL runs bytecode; click a lane to go to the nearest switch.`;
    }
    this.canvas.hidden = threads <= 1;
    for (const l of g.lanes) {
      const total = l.totals.running + l.totals.waiting + l.totals.blocked;
      this.totals.append(h('tr', '', h('td', '', l.process ? `${l.name} (child process, own GIL)` : l.name), h('td', 'num', `${duration(l.totals.running)} (${pct(l.totals.running, total)})`), h('td', 'num', `${duration(l.totals.waiting)} (${pct(l.totals.waiting, total)})`), h('td', 'num', `${duration(l.totals.blocked)} (${pct(l.totals.blocked, total)})`)));
    }
    this.canvas.style.height = `${Math.max(1, threads) * LANE_H + 24}px`;
    this.draw();
  }

  draw(): void {
    const g = this.gil;
    if (!g || g.lanes.length <= 1 || this.el.offsetParent === null) return;
    const p = this.palette;
    const { ctx, w } = fitCanvas(this.canvas);
    ctx.clearRect(0, 0, w, this.canvas.height);
    const left = 120;
    const X = (t: number) => left + (t / Math.max(1, g.endTime)) * (w - left - 10);
    const color = { running: p.running, waiting: p.waiting, blocked: p.blocked };
    g.lanes.forEach((l, i) => {
      const y = i * LANE_H + 4;
      ctx.fillStyle = p.fg;
      ctx.font = `12px ${p.font}`;
      ctx.fillText(l.name.length > 16 ? l.name.slice(0, 15) + '…' : l.name, 4, y + LANE_H / 2 + 3);
      for (const sg of l.segments) {
        ctx.fillStyle = color[sg.state];
        ctx.globalAlpha = sg.state === 'running' ? 0.95 : 0.55;
        ctx.fillRect(X(sg.start), y + 4, Math.max(1, X(sg.end) - X(sg.start)), LANE_H - 10);
      }
      ctx.globalAlpha = 1;
    });
    ctx.fillStyle = p.focus;
    ctx.globalAlpha = 0.6;
    for (const sw of g.switches) ctx.fillRect(X(sw.time) - 0.5, 0, 1, g.lanes.length * LANE_H + 4);
    ctx.globalAlpha = 1;
    const now = clockAt(g, this.step);
    if (now !== null) {
      ctx.fillStyle = p.fg;
      ctx.fillRect(X(now) - 1, 0, 2, g.lanes.length * LANE_H + 6);
    }
    ctx.fillStyle = p.muted;
    ctx.font = `10px ${p.font}`;
    ctx.fillText('0', left, g.lanes.length * LANE_H + 18);
    const end = `${g.endTime} µs`;
    ctx.fillText(end, w - 10 - ctx.measureText(end).width, g.lanes.length * LANE_H + 18);
  }
}
