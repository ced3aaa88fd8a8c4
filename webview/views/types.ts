// objgraph's two everyday questions for the current step, without installing anything: which types
// have the most live objects (show_most_common_types) and which grew since a baseline step the user
// marks (show_growth). Counts come from the step snapshot (objects drawn plus those summarised per
// type); interpreter-shared objects (small ints, interned strings, ...) are left out as objgraph's
// numbers would be dominated by them.
import type { StepSnapshot } from '../../src/protocol/panel';
import { clear, fmtBytes, h } from '../ui/dom';
import { button } from '../ui/toolkit';
import { countByType, growth, type TypeCount } from './typecounts';

const ROWS = 12;

export class TypesView {
  readonly el: HTMLElement;
  private readonly body: HTMLElement;
  private readonly note: HTMLElement;
  private baseline: { step: number; counts: TypeCount[] } | null = null;
  private current: StepSnapshot | null = null;
  private shownKey = '';

  constructor() {
    this.body = h('tbody');
    this.note = h('span', 'muted');
    const mark = button('Set baseline here', {
      title: 'Remember this step\'s counts; the table then shows the growth since it (objgraph.show_growth)',
      onClick: () => {
        if (!this.current) return;
        this.baseline = { step: this.current.step, counts: countByType(this.current) };
        this.render();
      },
    });
    const head = h('tr', '', h('th', '', 'type'), h('th', 'num', 'objects'), h('th', 'num', 'bytes'), h('th', 'num', 'growth'));
    this.el = h('div', 'types-view',
      h('h3', '', 'Objects by type'), h('div', 'types-actions', mark.el, this.note),
      h('table', 'grid-table types-table', h('thead', '', head), this.body));
  }

  update(snap: StepSnapshot | null, sessionId: number | undefined): void {
    if (this.current && sessionId !== this.current.sessionId) this.baseline = null;
    this.current = snap;
    this.render();
  }

  private render(): void {
    const snap = this.current;
    const key = snap ? `${snap.sessionId}|${snap.step}|${this.baseline?.step ?? -1}` : '';
    if (key === this.shownKey) return;
    this.shownKey = key;
    clear(this.body);
    if (!snap) return;
    const counts = countByType(snap);
    const deltas = new Map(this.baseline ? growth(counts, this.baseline.counts).map((g) => [g.type, g.delta]) : []);
    this.note.textContent = this.baseline ? `growth since step ${this.baseline.step + 1}` : 'no baseline: growth is counted from a step you mark';
    // with a baseline, the types that grew most come first (show_growth); else the most common
    const rows = this.baseline ? [...counts].sort((a, b) => (deltas.get(b.type) ?? 0) - (deltas.get(a.type) ?? 0) || b.count - a.count) : counts;
    for (const t of rows.slice(0, ROWS)) {
      const d = deltas.get(t.type) ?? 0;
      this.body.append(h('tr', '', h('td', '', t.type), h('td', 'num', String(t.count)), h('td', 'num', fmtBytes(t.bytes)),
        h('td', `num ${d > 0 ? 'plus' : d < 0 ? 'minus' : ''}`, this.baseline ? `${d > 0 ? '+' : ''}${d}` : '')));
    }
    if (!rows.length) this.body.append(h('tr', '', h('td', 'muted', 'no objects of the program at this step')));
  }
}
