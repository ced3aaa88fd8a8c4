// The Events view: the run's event stream, filtered by kind (alloc, incref, decref, dealloc, gc, gil,
// other), paged by the host (one bounded page at a time), following the scrubber or browsed freely.
// Each row links to its step (and the editor line).
import { EVENT_FILTER_KINDS, PANEL_LIMITS } from '../../src/protocol/panel';
import type { EventFilterKind, EventPage } from '../../src/protocol/panel';
import type { PanelState } from '../state/store';
import { clear, h } from '../ui/dom';
import { button, checkbox } from '../ui/toolkit';
import type { ButtonHandle, CheckboxHandle } from '../ui/toolkit';

export interface EventsActions {
  toggleKind(kind: EventFilterKind): void;
  follow(follow: boolean): void;
  page(offset: number): void;
  goto(step: number, line: number): void;
}

export const PAGE_SIZE = 200;

/** The page offset holding match number `index` (pages are aligned on PAGE_SIZE). */
export function pageOffset(index: number, pageSize = PAGE_SIZE): number {
  return Math.max(0, Math.floor(index / pageSize) * pageSize);
}

export class EventsView {
  readonly el: HTMLElement;
  private readonly boxes = new Map<EventFilterKind, CheckboxHandle>();
  private readonly followBox: CheckboxHandle;
  private readonly body: HTMLElement;
  private readonly pager: HTMLElement;
  private readonly prev: ButtonHandle;
  private readonly next: ButtonHandle;
  private shown: EventPage | null = null;
  private shownStep = -1;

  constructor(private readonly act: EventsActions) {
    const filters = h('div', 'filters');
    for (const k of EVENT_FILTER_KINDS) {
      const c = checkbox(k, true, () => act.toggleKind(k), `Show ${k} events`);
      this.boxes.set(k, c);
      filters.append(c.el);
    }
    this.followBox = checkbox('Follow scrubber', true, (v) => act.follow(v), 'Show the page of the current step');
    this.prev = button('Previous', { onClick: () => this.shown && act.page(Math.max(0, this.shown.offset - PAGE_SIZE)) });
    this.next = button('Next', { onClick: () => this.shown && act.page(this.shown.offset + PAGE_SIZE) });
    this.pager = h('span', 'pager-label');
    this.body = h('tbody');
    const table = h('table', 'events-table', h('thead', '', h('tr', '', h('th', 'num', '#'), h('th', 'num', 'step'), h('th', 'num', 'line'), h('th', '', 'kind'), h('th', '', 'event'))), this.body);
    this.el = h('div', 'events-view', h('div', 'toolbar', filters, this.followBox.el, h('span', 'tl-spacer'), this.prev.el, this.pager, this.next.el), h('div', 'table-scroll', table));
  }

  update(s: PanelState): void {
    for (const [k, c] of this.boxes) c.set(s.kinds.includes(k));
    this.followBox.set(s.followLog);
    const page = s.eventPage;
    if (page === this.shown && s.step === this.shownStep) return;
    this.shown = page;
    this.shownStep = s.step;
    clear(this.body);
    if (!page) {
      this.pager.textContent = s.session ? 'Loading…' : '';
      this.prev.setDisabled(true);
      this.next.setDisabled(true);
      return;
    }
    this.pager.textContent = page.total ? `${(page.offset + 1).toLocaleString('en-US')}–${(page.offset + page.events.length).toLocaleString('en-US')} of ${page.total.toLocaleString('en-US')}` : 'no matching events';
    this.prev.setDisabled(page.offset === 0);
    this.next.setDisabled(page.offset + page.events.length >= page.total);
    let current: HTMLElement | null = null;
    for (const e of page.events) {
      const tr = h('tr', `ev-row ev-${e.kind}${e.step === s.step ? ' current' : ''}`,
        h('td', 'num muted', String(e.index)), h('td', 'num', String(e.step + 1)), h('td', 'num', String(e.line)), h('td', 'kind', h('span', `ev-kind ev-${e.kind}`, e.kind)), h('td', 'text', e.text));
      tr.tabIndex = 0;
      tr.title = `Go to step ${e.step + 1} (line ${e.line})`;
      const go = () => this.act.goto(e.step, e.line);
      tr.addEventListener('click', go);
      tr.addEventListener('keydown', (ev) => { if (ev.key === 'Enter') go(); });
      if (!current && e.step === s.step) current = tr;
      this.body.append(tr);
    }
    if (current && s.followLog) current.scrollIntoView({ block: 'center' });
  }
}

export const EVENT_PAGE_LIMIT = Math.min(PAGE_SIZE, PANEL_LIMITS.eventPage);
