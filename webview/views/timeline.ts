// The timeline scrubber shown under every view: play/pause, step back/forward, first/last, speed, and a
// strip over every step drawing live bytes, gc collections (top ticks) and GIL switches (bottom
// ticks). Click or drag the strip to scrub; the app coalesces step requests while dragging.
import type { SessionInfo } from '../../src/protocol/panel';
import { SPEEDS } from '../state/store';
import type { PanelState } from '../state/store';
import { fitCanvas, fmtBytes, h } from '../ui/dom';
import { icon } from '../ui/icons';
import type { Palette } from '../ui/theme';
import { button, dropdown } from '../ui/toolkit';
import type { ButtonHandle, DropdownHandle } from '../ui/toolkit';

export interface TimelineActions {
  goto(step: number): void;
  stepBy(delta: number): void;
  togglePlay(): void;
  speed(stepsPerSecond: number): void;
}

export class TimelineBar {
  readonly el: HTMLElement;
  private readonly canvas: HTMLCanvasElement;
  private readonly label: HTMLElement;
  private readonly play: ButtonHandle;
  private readonly speedSel: DropdownHandle;
  private readonly buttons: ButtonHandle[];
  private session: SessionInfo | null = null;
  private step = 0;
  private hoverStep: number | null = null;
  private playing = false;

  constructor(private palette: Palette, private readonly act: TimelineActions) {
    const first = button('', { appearance: 'icon', icon: icon('first'), title: 'First step (Home)', onClick: () => act.goto(0) });
    const back = button('', { appearance: 'icon', icon: icon('prev'), title: 'Step back (←; Shift+← 10 steps)', onClick: () => act.stepBy(-1) });
    this.play = button('', { appearance: 'icon', icon: icon('play'), title: 'Play / pause (Space)', onClick: () => act.togglePlay() });
    const fwd = button('', { appearance: 'icon', icon: icon('next'), title: 'Step forward (→; Shift+→ 10 steps)', onClick: () => act.stepBy(1) });
    const last = button('', { appearance: 'icon', icon: icon('last'), title: 'Last step (End)', onClick: () => act.goto(Number.MAX_SAFE_INTEGER) });
    this.buttons = [first, back, this.play, fwd, last];
    this.speedSel = dropdown(SPEEDS.map((s) => ({ value: String(s), label: `${s} steps/s` })), '5', (v) => act.speed(Number(v)), 'Playback speed');
    this.label = h('span', 'tl-label');
    this.canvas = h('canvas', 'tl-strip');
    this.canvas.setAttribute('role', 'slider');
    this.canvas.setAttribute('aria-label', 'Timeline: step');
    this.canvas.tabIndex = 0;
    const keys = h('span', 'tl-keys', '← → step · Shift 10 · Home/End · Space play · / search · 1-5 views');
    keys.title = 'Keyboard: ←/→ step (Shift: 10 steps), Home/End first/last, Space play/pause, / search objects, f fit, +/- zoom, 1-5 switch views, Esc close';
    const controls = h('div', 'tl-controls', ...this.buttons.map((b) => b.el), this.label, h('span', 'tl-spacer'), keys, this.speedSel.el);
    this.el = h('div', 'timeline', controls, this.canvas);
    this.bindStrip();
    new ResizeObserver(() => this.draw()).observe(this.canvas);
  }

  setPalette(p: Palette): void {
    this.palette = p;
    this.draw();
  }

  update(s: PanelState): void {
    this.session = s.session;
    this.step = s.step;
    if (s.playing !== this.playing) {
      this.playing = s.playing;
      this.play.setIcon(icon(s.playing ? 'pause' : 'play'));
    }
    this.play.el.title = s.playing ? 'Pause (Space)' : 'Play (Space)';
    this.speedSel.set(String(s.speed));
    for (const b of this.buttons) b.setDisabled(!s.session);
    if (s.session) {
      const line = s.snapshot && s.snapshot.step === s.step ? s.snapshot.line : null;
      const bytes = s.snapshot && s.snapshot.step === s.step ? ` · ${fmtBytes(s.snapshot.liveBytes)} live · ${s.snapshot.objectCount.toLocaleString('en-US')} objects` : '';
      this.label.textContent = `Step ${(s.step + 1).toLocaleString('en-US')} / ${s.session.stepCount.toLocaleString('en-US')}${line !== null ? ` · line ${line}` : ''}${bytes}`;
      this.canvas.setAttribute('aria-valuenow', String(s.step));
      this.canvas.setAttribute('aria-valuemax', String(s.session.stepCount - 1));
    } else {
      this.label.textContent = '';
    }
    this.draw();
  }

  private stepAt(clientX: number): number {
    const r = this.canvas.getBoundingClientRect();
    const n = this.session?.stepCount ?? 1;
    const f = Math.max(0, Math.min(1, (clientX - r.left - 4) / Math.max(1, r.width - 8)));
    return Math.round(f * (n - 1));
  }

  private bindStrip(): void {
    let dragging = false;
    this.canvas.addEventListener('pointerdown', (e) => {
      if (!this.session) return;
      dragging = true;
      this.canvas.setPointerCapture(e.pointerId);
      this.act.goto(this.stepAt(e.clientX));
    });
    this.canvas.addEventListener('pointermove', (e) => {
      if (!this.session) return;
      if (dragging) this.act.goto(this.stepAt(e.clientX));
      this.hoverStep = this.stepAt(e.clientX);
      this.canvas.title = `step ${this.hoverStep + 1}`;
      this.draw();
    });
    this.canvas.addEventListener('pointerup', () => { dragging = false; });
    this.canvas.addEventListener('pointerleave', () => {
      this.hoverStep = null;
      this.draw();
    });
  }

  draw(): void {
    const { ctx, w, h: hgt } = fitCanvas(this.canvas);
    const p = this.palette;
    ctx.clearRect(0, 0, w, hgt);
    const s = this.session;
    if (!s) return;
    const n = Math.max(1, s.stepCount - 1);
    const x = (step: number) => 4 + (step / n) * (w - 8);
    const top = 8;
    const bottom = hgt - 8;
    // memory area
    const series = s.memory.series;
    const peak = Math.max(1, s.memory.peakBytes);
    if (series.length) {
      ctx.beginPath();
      ctx.moveTo(x(series[0].step), bottom);
      for (const pt of series) ctx.lineTo(x(pt.step), bottom - (pt.bytes / peak) * (bottom - top));
      ctx.lineTo(x(series[series.length - 1].step), bottom);
      ctx.closePath();
      ctx.globalAlpha = 0.28;
      ctx.fillStyle = p.gen[0];
      ctx.fill();
      ctx.globalAlpha = 1;
      ctx.strokeStyle = p.gen[0];
      ctx.lineWidth = 1;
      ctx.stroke();
    }
    // gc collections on top, GIL switches at the bottom
    ctx.fillStyle = p.gc;
    for (const c of s.gc.collections) ctx.fillRect(x(c.step) - 1, 0, 2, 7);
    ctx.fillStyle = p.waiting;
    for (const st of s.gil.markerSteps) ctx.fillRect(x(st) - 0.5, hgt - 5, 1, 5);
    if (this.hoverStep !== null) {
      ctx.fillStyle = p.muted;
      ctx.fillRect(x(this.hoverStep) - 0.5, 0, 1, hgt);
    }
    // cursor
    const cx = x(this.step);
    ctx.fillStyle = p.focus;
    ctx.fillRect(cx - 1, 0, 2, hgt);
    ctx.beginPath();
    ctx.moveTo(cx - 5, 0);
    ctx.lineTo(cx + 5, 0);
    ctx.lineTo(cx, 6);
    ctx.closePath();
    ctx.fill();
  }
}
