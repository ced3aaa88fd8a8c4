// The panel application: holds the state (reduced by state/store.ts), talks to the host through typed
// messages, drives playback and keyboard shortcuts, and renders the header, the tabs (Heap, Events,
// GC, GIL, Memory) and the timeline scrubber.
import type { PanelTab, ToWebview } from '../src/protocol/panel';
import type { HostBridge } from './host';
import { StepRequester, initialState, persisted, reduce } from './state/store';
import type { Action, PanelState } from './state/store';
import { clear, h } from './ui/dom';
import { icon } from './ui/icons';
import { readPalette, watchTheme } from './ui/theme';
import { button, progressRing, registerToolkit, tabs } from './ui/toolkit';
import type { TabsHandle } from './ui/toolkit';
import { EVENT_PAGE_LIMIT, EventsView } from './views/eventlog';
import { GcView } from './views/gc';
import { GilView } from './views/gil';
import { HeapView } from './views/heap';
import { MemoryView } from './views/memory';
import { TimelineBar } from './views/timeline';

const TABS: { id: PanelTab; label: string }[] = [
  { id: 'heap', label: 'Heap' },
  { id: 'events', label: 'Events' },
  { id: 'gc', label: 'GC' },
  { id: 'gil', label: 'GIL' },
  { id: 'memory', label: 'Memory' },
];

export class App {
  private state: PanelState;
  private readonly requester: StepRequester;
  private readonly header: HTMLElement;
  private readonly notice: HTMLElement;
  private readonly empty: HTMLElement;
  private readonly tabs: TabsHandle;
  private readonly views: Record<PanelTab, HTMLElement>;
  private readonly body: HTMLElement;
  /** milliseconds from a snapshot's arrival to the end of its render (for the scale measurements) */
  lastStepRenderMs = 0;
  private readonly heap: HeapView;
  private readonly events: EventsView;
  private readonly gc: GcView;
  private readonly gil: GilView;
  private readonly memory: MemoryView;
  private readonly timeline: TimelineBar;
  private playTimer = 0;
  private saveTimer = 0;
  private eventsAsked = '';

  constructor(root: HTMLElement, private readonly host: HostBridge) {
    registerToolkit();
    this.state = initialState(host.savedState());
    this.requester = new StepRequester((step) => {
      if (this.state.session) host.post({ type: 'requestStep', sessionId: this.state.session.sessionId, step });
    });
    const palette = readPalette();
    this.header = h('header', 'panel-header');
    this.notice = h('div', 'notice');
    this.notice.hidden = true;
    this.empty = h('div', 'empty-state');
    const d = (a: Action) => this.dispatch(a);
    this.heap = new HeapView(palette, {
      select: (id) => d({ type: 'select', id }),
      focus: (id) => d({ type: 'focus', id }),
      search: (text) => d({ type: 'search', text }),
      showShared: (show) => d({ type: 'showShared', show }),
      showLoose: (show) => d({ type: 'showLoose', show }),
      collapse: (mode) => d({ type: 'collapse', mode }),
      view: (zoom, panX, panY) => d({ type: 'view', zoom, panX, panY }),
      revealLine: (line) => this.revealLine(line),
      gcPhase: (phase) => d({ type: 'gcPhase', phase }),
      closeGc: () => d({ type: 'gcSimulation', simulation: null }),
      simulateGc: () => this.simulateGc(2),
      inspector: (open) => d({ type: 'inspector', open }),
    });
    this.events = new EventsView({
      toggleKind: (kind) => d({ type: 'toggleKind', kind }),
      follow: (follow) => d({ type: 'followLog', follow }),
      page: (offset) => {
        d({ type: 'followLog', follow: false });
        this.requestEvents(offset);
      },
      goto: (step, line) => {
        d({ type: 'goto', step });
        this.revealLine(line);
      },
    });
    this.gc = new GcView(palette, { goto: (step) => d({ type: 'goto', step }), simulate: (g) => this.simulateGc(g) });
    this.gil = new GilView(palette, { goto: (step) => d({ type: 'goto', step }) });
    this.memory = new MemoryView(palette, {
      goto: (step, line) => {
        d({ type: 'goto', step });
        if (line > 0) this.revealLine(line);
      },
    });
    this.timeline = new TimelineBar(palette, {
      goto: (step) => d({ type: 'goto', step }),
      stepBy: (delta) => d({ type: 'stepBy', delta }),
      togglePlay: () => d({ type: 'togglePlay' }),
      speed: (speed) => d({ type: 'speed', speed }),
    });
    this.tabs = tabs(TABS, this.state.tab, (id) => d({ type: 'tab', tab: id as PanelTab }));
    this.views = { heap: this.heap.el, events: this.events.el, gc: this.gc.el, gil: this.gil.el, memory: this.memory.el };
    const views = h('main', 'views', ...Object.values(this.views));
    this.body = h('div', 'panel-body', this.tabs.el, views);
    root.append(this.header, this.notice, this.empty, this.body, this.timeline.el);
    watchTheme(() => {
      const p = readPalette();
      for (const v of [this.heap, this.gc, this.gil, this.memory, this.timeline]) v.setPalette(p);
    });
    window.addEventListener('message', (e: MessageEvent<ToWebview>) => this.onHost(e.data));
    document.addEventListener('keydown', (e) => this.onKey(e));
    this.render(null);
    host.post({ type: 'ready', state: persisted(this.state) });
  }

  /** milliseconds the heap graph's last canvas draw took */
  heapDrawMs(): number {
    return this.heap.graph.lastDrawMs;
  }

  /** the heap graph's last draw split into edges and nodes, and how many nodes were on screen */
  heapDrawStats(): { edgesMs: number; nodesMs: number; nodes: number } {
    return this.heap.graph.lastDrawStats;
  }

  /** Where object `id` is drawn, in page pixels (for the preview's interaction checks). */
  heapNodeRect(id: number): { x: number; y: number; w: number; h: number } | null {
    const r = this.heap.graph.nodeRect(`o:${id}`);
    if (!r) return null;
    const c = this.heap.graph.canvas.getBoundingClientRect();
    return { ...r, x: r.x + c.left, y: r.y + c.top };
  }

  /** For tests and the preview page. */
  get current(): PanelState {
    return this.state;
  }

  dispatch(a: Action): void {
    const prev = this.state;
    const next = reduce(prev, a);
    if (next === prev) return;
    this.state = next;
    if (next.session && (next.step !== prev.step || next.session !== prev.session)) this.requester.want(next.step);
    if (next.playing !== prev.playing || next.speed !== prev.speed) this.schedulePlay();
    this.maybeRequestEvents(prev);
    this.scheduleSave();
    this.render(prev);
  }

  private onHost(m: ToWebview): void {
    switch (m.type) {
      case 'session':
        this.requester.reset();
        this.eventsAsked = '';
        this.dispatch({ type: 'session', session: m.session, ...(m.message ? { message: m.message } : {}) });
        if (m.session) this.requester.want(this.state.step);
        return;
      case 'busy':
        this.dispatch({ type: 'busy', busy: m.busy });
        return;
      case 'step': {
        const t0 = performance.now();
        this.requester.received(m.snapshot.step);
        this.dispatch({ type: 'snapshot', snapshot: m.snapshot });
        this.lastStepRenderMs = performance.now() - t0;
        return;
      }
      case 'eventPage':
        this.dispatch({ type: 'eventPage', page: m.page });
        return;
      case 'gotoStep':
        if (this.state.session?.sessionId === m.sessionId) this.dispatch({ type: 'goto', step: m.step });
        return;
      case 'gcSimulation':
        if (this.state.session?.sessionId === m.sessionId) this.dispatch({ type: 'gcSimulation', simulation: m.simulation });
        return;
      case 'notice':
        this.dispatch({ type: 'notice', level: m.level, message: m.message });
        return;
    }
  }

  private revealLine(line: number): void {
    if (this.state.session) this.host.post({ type: 'revealLine', sessionId: this.state.session.sessionId, line });
  }

  private simulateGc(generation: number): void {
    if (this.state.session) this.host.post({ type: 'simulateGc', sessionId: this.state.session.sessionId, step: this.state.step, generation });
  }

  private requestEvents(offset?: number): void {
    const s = this.state;
    if (!s.session) return;
    const base = { sessionId: s.session.sessionId, kinds: [...s.kinds], limit: EVENT_PAGE_LIMIT };
    this.host.post({ type: 'requestEvents', request: offset !== undefined ? { ...base, offset } : { ...base, aroundStep: s.step } });
  }

  private maybeRequestEvents(prev: PanelState): void {
    const s = this.state;
    if (!s.session || s.tab !== 'events') return;
    const key = `${s.session.sessionId}|${s.kinds.join()}|${s.followLog ? s.step : 'free'}`;
    const changedFilter = prev.kinds !== s.kinds || prev.session !== s.session || prev.tab !== s.tab;
    if (key === this.eventsAsked && !changedFilter) return;
    if (!s.followLog && !changedFilter && s.eventPage) return;
    // following: only when the current step left the page shown
    const page = s.eventPage;
    if (s.followLog && page && !changedFilter && page.events.length && s.step >= page.events[0].step && s.step <= page.events[page.events.length - 1].step) return;
    this.eventsAsked = key;
    this.requestEvents(s.followLog ? undefined : page?.offset ?? 0);
  }

  private schedulePlay(): void {
    window.clearInterval(this.playTimer);
    this.playTimer = 0;
    if (this.state.playing) this.playTimer = window.setInterval(() => {
      // wait for the host when it lags behind: never more than one step request in flight
      if (this.requester.pending === null) this.dispatch({ type: 'tick' });
    }, 1000 / this.state.speed);
  }

  private scheduleSave(): void {
    if (this.saveTimer) return;
    this.saveTimer = window.setTimeout(() => {
      this.saveTimer = 0;
      this.host.saveState(persisted(this.state));
    }, 300);
  }

  private onKey(e: KeyboardEvent): void {
    const t = e.target as HTMLElement | null;
    const typing = t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName.startsWith('VSCODE-TEXT'));
    if (typing) {
      if (e.key === 'Escape') (t as HTMLElement).blur();
      return;
    }
    const d = (a: Action) => { e.preventDefault(); this.dispatch(a); };
    switch (e.key) {
      case 'ArrowRight': return d({ type: 'stepBy', delta: e.shiftKey ? 10 : 1 });
      case 'ArrowLeft': return d({ type: 'stepBy', delta: e.shiftKey ? -10 : -1 });
      case 'Home': return d({ type: 'goto', step: 0 });
      case 'End': return d({ type: 'goto', step: Number.MAX_SAFE_INTEGER });
      case ' ': return d({ type: 'togglePlay' });
      case 'Escape':
        if (this.state.gcSim) return d({ type: 'gcSimulation', simulation: null });
        if (this.state.focus !== null) return d({ type: 'focus', id: null });
        return d({ type: 'select', id: null });
      case '/':
        e.preventDefault();
        this.dispatch({ type: 'tab', tab: 'heap' });
        this.heap.focusSearch();
        return;
      case 'f':
        if (this.state.tab === 'heap') { e.preventDefault(); this.heap.graph.fit(); }
        return;
      case '+': case '=':
        if (this.state.tab === 'heap') { e.preventDefault(); this.heap.graph.zoomBy(1.25); }
        return;
      case '-':
        if (this.state.tab === 'heap') { e.preventDefault(); this.heap.graph.zoomBy(0.8); }
        return;
      default:
        if (/^[1-5]$/.test(e.key) && !e.ctrlKey && !e.metaKey && !e.altKey) d({ type: 'tab', tab: TABS[Number(e.key) - 1].id });
    }
  }

  private render(prev: PanelState | null): void {
    const s = this.state;
    if (!prev || prev.session !== s.session || prev.busy !== s.busy || prev.snapshot !== s.snapshot) this.renderHeader();
    if (!prev || prev.notice !== s.notice) this.renderNotice();
    const has = s.session !== null;
    this.empty.hidden = has;
    this.body.hidden = !has;
    this.empty.textContent = has ? '' : s.message;
    if (!has) {
      this.timeline.update(s);
      return;
    }
    this.tabs.select(s.tab);
    for (const [id, el] of Object.entries(this.views)) el.hidden = id !== s.tab;
    this.timeline.update(s);
    switch (s.tab) {
      case 'heap': this.heap.update(s); break;
      case 'events': this.events.update(s); break;
      case 'gc': this.gc.update(s); break;
      case 'gil': this.gil.update(s); break;
      case 'memory': this.memory.update(s); break;
    }
    if (prev && prev.tab !== s.tab) requestAnimationFrame(() => this.render(null));
  }

  private renderHeader(): void {
    const s = this.state;
    clear(this.header);
    const ses = s.session;
    const title = h('span', 'title', ses ? ses.fileName : 'Python Memory');
    this.header.append(title);
    if (ses) {
      this.header.append(h('span', 'pill', `Python ${ses.pythonVersion}`));
      const status = ses.status === 'ok' ? 'ran to the end' : ses.status === 'exception' ? 'ended with an exception' : ses.status === 'budget' ? 'stopped: budget exhausted' : ses.status === 'unsupported' ? 'stopped at an unsupported construct' : ses.status;
      this.header.append(h('span', `status status-${ses.status}`, status + (ses.statusMessage ? ` · ${ses.statusMessage}` : '')));
      this.header.append(h('span', 'muted', `${ses.stepCount.toLocaleString('en-US')} steps · ${ses.eventCount.toLocaleString('en-US')} events${ses.eventsTruncated ? ' (truncated)' : ''}`));
    }
    this.header.append(h('span', 'tl-spacer'));
    if (s.busy) this.header.append(progressRing(), h('span', 'muted', 'simulating…'));
  }

  private renderNotice(): void {
    const n = this.state.notice;
    clear(this.notice);
    this.notice.hidden = !n;
    if (!n) return;
    this.notice.className = `notice notice-${n.level}`;
    this.notice.append(h('span', '', n.message), button('', { appearance: 'icon', icon: icon('close'), title: 'Dismiss', onClick: () => this.dispatch({ type: 'dismissNotice' }) }).el);
  }
}
