// The GC view: the three generations' counts against their thresholds over the run, every collection
// as a marker (and in a table linked to its step), the counts at the current step, and the button that
// asks the host to simulate gc.collect() here.
import type { PanelState } from '../state/store';
import { clear, h } from '../ui/dom';
import type { Palette } from '../ui/theme';
import { button, dropdown } from '../ui/toolkit';
import type { DropdownHandle } from '../ui/toolkit';
import { chartStepAt, drawLineChart } from './charts';

export interface GcActions {
  goto(step: number): void;
  simulate(generation: number): void;
}

export class GcView {
  readonly el: HTMLElement;
  private readonly charts: HTMLCanvasElement[];
  private readonly now: HTMLElement;
  private readonly table: HTMLElement;
  private readonly empty: HTMLElement;
  private readonly sampleNote = h('p', 'muted empty-note');
  private readonly genSel: DropdownHandle;
  private generation = 2;
  private state: PanelState | null = null;
  private tableFor = -1;

  constructor(private palette: Palette, private readonly act: GcActions) {
    this.charts = [0, 1, 2].map(() => h('canvas', 'chart'));
    this.charts.forEach((c) => {
      c.addEventListener('click', (e) => {
        const s = this.state?.session;
        if (s) act.goto(chartStepAt(c, e.clientX, s.stepCount - 1));
      });
      new ResizeObserver(() => this.draw()).observe(c);
    });
    this.genSel = dropdown([0, 1, 2].map((g) => ({ value: String(g), label: `generation ${g}` })), '2', (v) => { this.generation = Number(v); }, 'Generation to collect');
    const sim = button('Simulate gc.collect', { appearance: 'primary', title: 'Show what the collector would find and free at this step', onClick: () => act.simulate(this.generation) });
    this.now = h('div', 'gc-now');
    this.table = h('tbody');
    this.empty = h('p', 'muted empty-note');
    this.el = h('div', 'gc-view',
      h('div', 'toolbar', this.now, h('span', 'tl-spacer'), this.genSel.el, sim.el),
      this.empty,
      h('div', 'chart-grid', ...this.charts),
      this.sampleNote,
      h('h3', '', 'Collections'),
      h('div', 'table-scroll short', h('table', 'grid-table', h('thead', '', h('tr', '', h('th', 'num', 'step'), h('th', 'num', 'generation'), h('th', 'num', 'collected'), h('th', 'num', 'uncollectable'))), this.table)));
  }

  setPalette(p: Palette): void {
    this.palette = p;
    this.draw();
  }

  update(s: PanelState): void {
    this.state = s;
    const ses = s.session;
    clear(this.now);
    if (!ses) return;
    const t = ses.gc.thresholds;
    const c = s.snapshot?.gcCounts;
    this.now.append(c
      ? `At this step: generation counts ${c[0]} / ${c[1]} / ${c[2]} (thresholds ${t[0]} / ${t[1]} / ${t[2]})`
      : `Thresholds ${t[0]} / ${t[1]} / ${t[2]} (gc.get_threshold() on Python ${ses.pythonVersion})`);
    const none = !ses.gc.series.length && !ses.gc.collections.length;
    this.sampleNote.textContent = ses.gc.series.length ? `Dots are the counts the collector reported (${ses.gc.series.length} report${ses.gc.series.length === 1 ? '' : 's'}); lines join them. Purple lines mark collections.` : '';
    this.empty.hidden = !none;
    this.empty.textContent = none ? 'The collector did not run and reported no counts in this run: reference counting freed everything that died. Cycles would show up here as collections.' : '';
    if (this.tableFor !== ses.sessionId) {
      this.tableFor = ses.sessionId;
      clear(this.table);
      for (const col of ses.gc.collections) {
        const tr = h('tr', 'clickable', h('td', 'num', String(col.step + 1)), h('td', 'num', String(col.generation)), h('td', 'num', String(col.collected)), h('td', 'num', String(col.uncollectable)));
        tr.addEventListener('click', () => this.act.goto(col.step));
        this.table.append(tr);
      }
      if (!ses.gc.collections.length) this.table.append(h('tr', '', h('td', 'muted', 'none')));
      if (ses.gc.collectionsTotal > ses.gc.collections.length) this.table.append(h('tr', '', h('td', 'muted', `… ${ses.gc.collectionsTotal - ses.gc.collections.length} more`)));
    }
    this.draw();
  }

  draw(): void {
    const ses = this.state?.session;
    if (!ses || this.el.offsetParent === null) return;
    const xMax = Math.max(1, ses.stepCount - 1);
    const p = this.palette;
    for (let g = 0; g < 3; g++) {
      const pts = ses.gc.series.map((pt) => ({ x: pt.step, y: pt.counts[g] }));
      drawLineChart(this.charts[g], p, {
        title: g === 0 ? 'Generation 0: allocations minus deallocations of tracked objects' : `Generation ${g}: collections of generation ${g - 1}`,
        points: pts, xMax, yMax: Math.max(...pts.map((q) => q.y), 1), color: p.gen[g], threshold: ses.gc.thresholds[g], dots: true,
        markers: ses.gc.collections.filter((c) => c.generation >= g).map((c) => c.step), markerColor: p.gc, cursor: this.state!.step,
      });
    }
  }
}
