// The pymalloc heap map (issue 8): one strip per arena, one cell per pool, coloured by the pool's size
// class (hue) and fill (how many of its blocks are in use); pools not carved yet are blank. The data is
// the engine's allocator model when the program ended (MemoryOverview.heap).
import type { PanelHeapMap } from '../../src/protocol/panel';
import { clear, fmtBytes, h } from '../ui/dom';

const CELL = 11;
const GAP = 2;
const LABEL = 96;

export class HeapMapView {
  readonly el: HTMLElement;
  private readonly canvas: HTMLCanvasElement;
  private readonly caption: HTMLElement;
  private map: PanelHeapMap | null = null;

  constructor() {
    this.canvas = h('canvas', 'heapmap');
    this.caption = h('div', 'mem-summary');
    this.canvas.addEventListener('mousemove', (e) => {
      this.canvas.title = this.describeAt(e.offsetX, e.offsetY);
    });
    this.el = h('div', 'heapmap-view', h('h3', '', 'pymalloc heap at the end of the program'), this.caption, this.canvas);
  }

  update(map: PanelHeapMap | undefined): void {
    this.map = map ?? null;
    clear(this.caption);
    if (!map) {
      this.caption.append('No heap map for this run.');
      this.el.hidden = true;
      return;
    }
    this.el.hidden = false;
    const pools = map.arenas.reduce((n, a) => n + a.pools.length, 0);
    const used = map.arenas.reduce((n, a) => n + a.pools.reduce((m, p) => m + p.used * p.blockSize, 0), 0);
    this.caption.append(
      `${map.arenas.length} arena${map.arenas.length === 1 ? '' : 's'} of ${fmtBytes(map.arenaSize)}, ${pools} pools of ${fmtBytes(map.poolSize)} carved, ${fmtBytes(used)} in small blocks`,
      map.rawBlocks ? ` · ${map.rawBlocks} large blocks (${fmtBytes(map.rawBytes)}) from the raw allocator` : '',
      map.arenasReclaimed ? ` · ${map.arenasReclaimed} arenas given back` : '',
      ' · cells: pools, hue = size class, brighter = fuller',
    );
    this.draw();
  }

  private maxPools(): number {
    return Math.max(1, ...(this.map?.arenas.map((a) => a.totalPools) ?? [1]));
  }

  draw(): void {
    const map = this.map;
    if (!map || this.el.offsetParent === null) return;
    const cols = this.maxPools();
    const dpr = window.devicePixelRatio || 1;
    const w = LABEL + cols * (CELL + GAP);
    const hgt = Math.max(1, map.arenas.length) * (CELL + GAP) + 4;
    this.canvas.width = w * dpr;
    this.canvas.height = hgt * dpr;
    this.canvas.style.width = `${w}px`;
    this.canvas.style.height = `${hgt}px`;
    const ctx = this.canvas.getContext('2d');
    if (!ctx) return;
    ctx.scale(dpr, dpr);
    const fg = getComputedStyle(this.el).color || '#888';
    ctx.font = '10px monospace';
    map.arenas.forEach((a, row) => {
      const y = row * (CELL + GAP);
      ctx.fillStyle = fg;
      ctx.fillText('0x' + a.address.toString(16), 0, y + CELL - 1);
      for (let i = 0; i < a.totalPools; i++) {
        const x = LABEL + i * (CELL + GAP);
        const p = a.pools[i];
        if (!p || p.sizeClass < 0) {
          ctx.strokeStyle = fg;
          ctx.globalAlpha = 0.25;
          ctx.strokeRect(x + 0.5, y + 0.5, CELL - 1, CELL - 1);
          ctx.globalAlpha = 1;
          continue;
        }
        const fill = p.total ? p.used / p.total : 0;
        ctx.fillStyle = `hsl(${Math.round((p.sizeClass * 360) / 32)}, 65%, ${Math.round(22 + 48 * fill)}%)`;
        ctx.fillRect(x, y, CELL, CELL);
      }
    });
  }

  private describeAt(x: number, y: number): string {
    const map = this.map;
    if (!map) return '';
    const row = Math.floor(y / (CELL + GAP));
    const col = Math.floor((x - LABEL) / (CELL + GAP));
    const a = map.arenas[row];
    if (!a) return '';
    if (col < 0) return `arena 0x${a.address.toString(16)}: ${a.pools.length} of ${a.totalPools} pools carved`;
    const p = a.pools[col];
    if (!p || p.sizeClass < 0) return col < a.totalPools ? 'pool not carved yet' : '';
    return `pool ${col} of arena 0x${a.address.toString(16)}: blocks of ${p.blockSize} B, ${p.used} of ${p.total} in use (${p.state})`;
  }
}
