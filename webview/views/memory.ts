// The Memory view: live simulated bytes over the run (click to scrub) and the per-line table in the
// style of memory_profiler (memory after, increment, occurrences, allocations and frees), sortable;
// a row moves the scrubber to the line's last run and shows the line in the editor. Also objects by
// type with growth since a marked step (types.ts) and the pymalloc heap map (heapmap.ts).
import type { PanelLineSummary } from '../../src/protocol/panel';
import type { PanelState } from '../state/store';
import { clear, fmtBytes, h } from '../ui/dom';
import type { Palette } from '../ui/theme';
import { chartStepAt, drawLineChart } from './charts';
import { HeapMapView } from './heapmap';
import { TypesView } from './types';

export interface MemoryActions {
  goto(step: number, line: number): void;
}

export type LineSortKey = 'line' | 'memoryDelta' | 'allocBytes' | 'allocs' | 'hits' | 'memoryAfter';

export function sortLines(rows: readonly PanelLineSummary[], key: LineSortKey): PanelLineSummary[] {
  const out = [...rows];
  if (key === 'line') out.sort((a, b) => a.line - b.line);
  else out.sort((a, b) => Math.abs(b[key]) - Math.abs(a[key]) || a.line - b.line);
  return out;
}

export function typesText(t: Record<string, number>): string {
  return Object.entries(t).sort((a, b) => b[1] - a[1]).slice(0, 4).map(([k, n]) => (n > 1 ? `${n} ${k}` : k)).join(', ');
}

export class MemoryView {
  readonly el: HTMLElement;
  private readonly chart: HTMLCanvasElement;
  private readonly body: HTMLElement;
  private readonly summary: HTMLElement;
  private sort: LineSortKey = 'line';
  private state: PanelState | null = null;
  private tableKey = '';
  private readonly heap = new HeapMapView();
  private readonly types = new TypesView();

  constructor(private palette: Palette, private readonly act: MemoryActions) {
    this.chart = h('canvas', 'chart tall');
    this.chart.addEventListener('click', (e) => {
      const s = this.state?.session;
      if (s) {
        const step = chartStepAt(this.chart, e.clientX, s.stepCount - 1);
        act.goto(step, -1);
      }
    });
    new ResizeObserver(() => this.draw()).observe(this.chart);
    this.summary = h('div', 'mem-summary');
    this.body = h('tbody');
    const th = (label: string, key: LineSortKey, cls = 'num') => {
      const el = h('th', `${cls} sortable`, label);
      el.title = `Sort by ${label}`;
      el.addEventListener('click', () => {
        this.sort = key;
        this.tableKey = '';
        if (this.state) this.update(this.state);
      });
      return el;
    };
    const head = h('tr', '', th('line', 'line'), h('th', '', 'source'), th('hits', 'hits'), th('allocs', 'allocs'), th('allocated', 'allocBytes'), h('th', 'num', 'frees'), th('increment', 'memoryDelta'), th('memory after', 'memoryAfter'), h('th', '', 'types'));
    this.el = h('div', 'memory-view', this.summary, this.chart, this.types.el, this.heap.el, h('div', 'table-scroll', h('table', 'grid-table lines-table', h('thead', '', head), this.body)));
  }

  setPalette(p: Palette): void {
    this.palette = p;
    this.draw();
  }

  update(s: PanelState): void {
    this.state = s;
    const ses = s.session;
    if (!ses) return;
    clear(this.summary);
    this.summary.append(`Peak ${fmtBytes(ses.memory.peakBytes)} at step ${ses.memory.peakStep + 1}`, s.snapshot ? ` · now ${fmtBytes(s.snapshot.liveBytes)}` : '', ` · ${ses.lines.length} lines ran`);
    this.heap.update(ses.memory.heap);
    this.types.update(s.snapshot ?? null, ses.sessionId);
    const key = `${ses.sessionId}|${this.sort}`;
    if (key !== this.tableKey) {
      this.tableKey = key;
      clear(this.body);
      for (const r of sortLines(ses.lines, this.sort)) {
        const delta = r.memoryDelta;
        const tr = h('tr', 'clickable',
          h('td', 'num', String(r.line)), h('td', 'src', r.text ?? ''), h('td', 'num', String(r.hits)), h('td', 'num', String(r.allocs)), h('td', 'num', fmtBytes(r.allocBytes)),
          h('td', 'num', String(r.frees)), h('td', `num ${delta > 0 ? 'plus' : delta < 0 ? 'minus' : ''}`, `${delta > 0 ? '+' : ''}${fmtBytes(delta)}`), h('td', 'num', fmtBytes(r.memoryAfter)), h('td', 'muted', typesText(r.allocTypes)));
        tr.title = `Go to the last run of line ${r.line} (step ${r.lastStep + 1})`;
        tr.addEventListener('click', () => this.act.goto(r.lastStep, r.line));
        this.body.append(tr);
      }
    }
    this.draw();
  }

  draw(): void {
    const ses = this.state?.session;
    if (!ses || this.el.offsetParent === null) return;
    const p = this.palette;
    this.heap.draw();
    drawLineChart(this.chart, p, {
      title: 'Live simulated bytes', points: ses.memory.series.map((q) => ({ x: q.step, y: q.bytes })), xMax: Math.max(1, ses.stepCount - 1),
      yMax: ses.memory.peakBytes, color: p.gen[0], fill: true, markers: ses.gc.collections.map((c) => c.step), markerColor: p.gc, cursor: this.state!.step, yLabel: fmtBytes,
    });
  }
}
