// The Heap view: toolbar (search, shared toggle, collapse by type, fit/zoom, focus), the heap graph,
// the inspector of the selected object (or of the current step), the legend and the card that walks
// through a "Simulate gc.collect" result phase by phase.
import type { ObjId, PanelObject, StepSnapshot } from '../../src/protocol/panel';
import { AUTO_COLLAPSE_AT, HeapGraph, buildModel, groupKey, isShared, objectKey } from '../graph';
import type { GraphModel, NodeKey } from '../graph';
import type { CollapseMode, PanelState } from '../state/store';
import { clear, fmtBytes, h } from '../ui/dom';
import { icon } from '../ui/icons';
import type { Palette } from '../ui/theme';
import { button, checkbox, dropdown, textField } from '../ui/toolkit';
import type { CheckboxHandle, DropdownHandle, TextFieldHandle } from '../ui/toolkit';

export interface HeapActions {
  select(id: ObjId | null): void;
  focus(id: ObjId | null): void;
  search(text: string): void;
  showShared(show: boolean): void;
  showLoose(show: boolean): void;
  collapse(mode: CollapseMode): void;
  view(zoom: number, panX: number, panY: number): void;
  revealLine(line: number): void;
  gcPhase(phase: number): void;
  closeGc(): void;
  simulateGc(): void;
  inspector(open: boolean): void;
}

const hex = (id: number) => '0x' + id.toString(16);

export class HeapView {
  readonly el: HTMLElement;
  readonly graph: HeapGraph;
  private readonly search: TextFieldHandle;
  private readonly shared: CheckboxHandle;
  private readonly loose: CheckboxHandle;
  private readonly collapseSel: DropdownHandle;
  private readonly info: HTMLElement;
  private readonly focusBar: HTMLElement;
  private readonly inspector: HTMLElement;
  private readonly gcCard: HTMLElement;
  private model: GraphModel | null = null;
  private lastSnap: StepSnapshot | null = null;
  private lastKey = '';
  private lastSearch = '';
  private lastDoc = '';
  private fitted = false;
  private infoKey = '';
  private inspKey = '';
  private gcShown: PanelState['gcSim'] = null;
  private gcPhaseShown = -1;

  constructor(palette: Palette, private readonly act: HeapActions) {
    this.search = textField('Search name, type or 0xaddress', '', (v) => act.search(v), 'Search objects');
    this.search.el.classList.add('heap-search');
    this.shared = checkbox('Shared objects', false, (v) => act.showShared(v), 'Show small ints, None, interned strings and other objects the interpreter shares');
    this.loose = checkbox('Temporaries & constants', false, (v) => act.showLoose(v), 'Show objects held only by the value stack, code constants, the script\'s AST or the interpreter');
    this.collapseSel = dropdown([
      { value: 'auto', label: `Collapse: auto (>${AUTO_COLLAPSE_AT})` },
      { value: 'on', label: 'Collapse by type' },
      { value: 'off', label: 'Collapse: off' },
    ], 'auto', (v) => act.collapse(v as CollapseMode), 'Collapse types with many instances into one node');
    const fit = button('Fit', { title: 'Fit the graph in view (F)', onClick: () => this.graph.fit() });
    const zin = button('', { appearance: 'icon', icon: icon('plus'), title: 'Zoom in (+)', onClick: () => this.graph.zoomBy(1.25) });
    const zout = button('', { appearance: 'icon', icon: icon('minus'), title: 'Zoom out (-)', onClick: () => this.graph.zoomBy(0.8) });
    const gcBtn = button('Simulate gc.collect', { title: 'What would gc.collect() find and free at this step?', onClick: () => act.simulateGc() });
    this.info = h('span', 'heap-info');
    this.focusBar = h('span', 'heap-focus');
    const toolbar = h('div', 'toolbar', this.search.el, this.shared.el, this.loose.el, this.collapseSel.el, zout.el, zin.el, fit.el, gcBtn.el, this.focusBar, h('span', 'tl-spacer'), this.info);
    const stage = h('div', 'heap-stage');
    this.graph = new HeapGraph(stage, palette, {
      onSelect: (key) => act.select(key && key.startsWith('o:') ? Number(key.slice(2)) : null),
      onFocus: (key) => { if (key.startsWith('o:')) act.focus(Number(key.slice(2))); },
      onView: (z, x, y) => act.view(z, x, y),
    });
    this.gcCard = h('div', 'gc-card');
    this.gcCard.hidden = true;
    stage.append(this.legend(), this.gcCard);
    this.inspector = h('aside', 'inspector');
    this.inspector.setAttribute('aria-label', 'Inspector');
    this.el = h('div', 'heap-view', toolbar, h('div', 'heap-body', stage, this.inspector));
  }

  private legend(): HTMLElement {
    const item = (cls: string, text: string) => h('span', 'legend-item', h('span', `swatch ${cls}`), text);
    return h('div', 'legend', item('gen0', 'gen 0'), item('gen1', 'gen 1'), item('gen2', 'gen 2'), item('perm', 'permanent'), item('untracked', 'not tracked'),
      h('span', 'legend-item', h('span', 'swatch weak'), 'weak ref'), h('span', 'legend-item', h('span', 'swatch rc'), 'refcount'));
  }

  setPalette(p: Palette): void {
    this.graph.setPalette(p);
  }

  update(s: PanelState): void {
    this.search.set(s.search);
    this.shared.set(s.showShared);
    this.loose.set(s.showLoose);
    this.collapseSel.set(s.collapse);
    const snap = s.snapshot;
    if (!snap || !s.session) {
      this.info.textContent = '';
      clear(this.inspector);
      return;
    }
    if (s.session.uri !== this.lastDoc) {
      this.lastDoc = s.session.uri;
      this.graph.resetLayout();
      this.fitted = false;
    }
    const visibleCount = s.showShared ? snap.objects.length : snap.objects.filter((o) => !isShared(o)).length;
    const collapse = s.collapse === 'on' || (s.collapse === 'auto' && visibleCount > AUTO_COLLAPSE_AT);
    const keep = new Set<ObjId>(s.gcSim ? [...s.gcSim.unreachable, ...s.gcSim.phases.flatMap((p) => p.objs)] : []);
    const key = [snap.sessionId, snap.step, s.showShared, s.showLoose, collapse, s.focus, s.search, s.gcSim ? keep.size : -1].join('|');
    if (key !== this.lastKey) {
      const animate = this.lastSnap !== null && this.lastSnap.sessionId === snap.sessionId && Math.abs(this.lastSnap.step - snap.step) <= 3 && s.search === this.lastSearch;
      this.model = buildModel(snap, { showShared: s.showShared, showLoose: s.showLoose, keep, collapse, search: s.search, focus: s.focus, focusDepth: 2 });
      this.graph.setModel(this.model, snap, animate);
      const searched = s.search !== this.lastSearch && this.model.matches.length > 0;
      // set before moving the view: a view change dispatches and renders again
      this.lastSearch = s.search;
      this.lastKey = key;
      this.lastSnap = snap;
      if (!this.fitted) {
        this.fitted = true;
        if (s.zoom === 1 && s.panX === 0 && s.panY === 0) this.graph.fit();
        else this.graph.setView(s.zoom, s.panX, s.panY);
      }
      if (searched) this.graph.centerOn(this.model.matches[0]);
    } else {
      // the view in the state wins when it was changed from outside the graph (restore, tests)
      const v = this.graph.view;
      if (v.zoom !== s.zoom || v.panX !== s.panX || v.panY !== s.panY) this.graph.setView(s.zoom, s.panX, s.panY);
    }
    const flagged = new Set<ObjId>();
    if (s.gcSim) {
      const ph = s.gcSim.phases[s.gcPhase];
      for (const id of ph && ph.objs.length ? ph.objs : s.gcSim.unreachable) flagged.add(id);
    }
    const selKey: NodeKey | null = s.selected === null ? null : this.graph.hasNode(objectKey(s.selected)) ? objectKey(s.selected) : this.groupOf(s.selected);
    this.graph.setDecor({ selected: selKey, flagged });
    // DOM parts only when their inputs changed (view changes while panning re-render often)
    const infoKey = [key, s.focus, this.model?.matches.length].join('|');
    if (infoKey !== this.infoKey) {
      this.infoKey = infoKey;
      this.renderInfo(s, snap);
    }
    const inspKey = [snap.sessionId, snap.step, s.selected, s.inspectorOpen].join('|');
    if (inspKey !== this.inspKey) {
      this.inspKey = inspKey;
      this.renderInspector(s, snap);
    }
    if (s.gcSim !== this.gcShown || s.gcPhase !== this.gcPhaseShown) {
      this.gcShown = s.gcSim;
      this.gcPhaseShown = s.gcPhase;
      this.renderGcCard(s);
    }
  }

  private groupOf(id: ObjId): NodeKey | null {
    const o = this.lastSnap?.objects.find((x) => x.id === id);
    return o && this.graph.hasNode(groupKey(o.type)) ? groupKey(o.type) : null;
  }

  focusSearch(): void {
    this.search.focus();
  }

  private renderInfo(s: PanelState, snap: StepSnapshot): void {
    const m = this.model!;
    const parts = [`${snap.objectCount.toLocaleString('en-US')} objects`, fmtBytes(snap.liveBytes)];
    if (m.hiddenShared) parts.push(`${m.hiddenShared} shared hidden`);
    if (m.hiddenLoose) parts.push(`${m.hiddenLoose} temporaries/constants hidden`);
    if (m.collapsedTypes.length) parts.push(`collapsed: ${m.collapsedTypes.join(', ')}`);
    if (snap.omitted.count) parts.push(`${snap.omitted.count.toLocaleString('en-US')} more not shown (${snap.omitted.byType.slice(0, 3).map((t) => `${t.type} ×${t.count}`).join(', ')})`);
    if (s.search) parts.push(`${m.matches.length} match${m.matches.length === 1 ? '' : 'es'}`);
    this.info.textContent = parts.join(' · ');
    clear(this.focusBar);
    if (s.focus !== null) {
      const o = snap.objects.find((x) => x.id === s.focus);
      this.focusBar.append(`Neighbourhood of ${o ? o.type : ''} ${hex(s.focus)} (${m.hiddenByFocus} hidden) `, button('Show all', { onClick: () => this.act.focus(null) }).el);
    }
  }

  private renderInspector(s: PanelState, snap: StepSnapshot): void {
    clear(this.inspector);
    this.inspector.hidden = !s.inspectorOpen;
    const o = s.selected !== null ? snap.objects.find((x) => x.id === s.selected) : undefined;
    const close = button('', { appearance: 'icon', icon: icon('close'), title: 'Close the inspector', onClick: () => this.act.inspector(false) });
    if (o) this.inspectObject(o, snap, close.el);
    else this.inspectStep(snap, close.el);
  }

  private lineLink(line: number): HTMLElement {
    const a = h('a', 'line-link', `line ${line}`);
    a.href = '#';
    a.addEventListener('click', (e) => {
      e.preventDefault();
      this.act.revealLine(line);
    });
    return a;
  }

  private inspectObject(o: PanelObject, snap: StepSnapshot, close: HTMLElement): void {
    const rows: [string, Node | string][] = [
      ['address', hex(o.id)],
      ['size', `${fmtBytes(o.size)} (sys.getsizeof)`],
      ['refcount', o.flags.includes('immortal') ? 'immortal (never changes)' : o.flags.includes('shared') || o.flags.includes('small-int') ? 'shared by the interpreter' : `${o.refcount}  ·  sys.getrefcount() → ${o.refcount + 1}`],
      ['gc', o.gcTracked ? (o.generation === 3 ? 'tracked, permanent generation' : `tracked, generation ${o.generation ?? '?'}`) : 'not tracked'],
      ['allocated', this.lineLink(o.line)],
    ];
    if (o.length !== undefined) rows.splice(2, 0, ['len', String(o.length)]);
    if (o.flags.length) rows.push(['flags', o.flags.join(', ')]);
    const table = h('dl', 'props');
    for (const [k, v] of rows) table.append(h('dt', '', k), h('dd', '', v));
    const refs = h('ul', 'reflist');
    for (const r of o.referrers) refs.append(h('li', '', r.text + (r.count > 1 ? ` ×${r.count}` : '')));
    if (!o.referrers.length) refs.append(h('li', 'muted', 'no named referrers'));
    const outs = h('ul', 'reflist');
    for (const c of snap.objects) for (const r of c.referrers) if (r.holder.kind === 'object' && r.holder.obj === o.id) {
      const li = h('li', 'clickable', `${r.holder.label} → ${c.type} ${hex(c.id)}`);
      li.addEventListener('click', () => this.act.select(c.id));
      outs.append(li);
    }
    if (!outs.childElementCount) outs.append(h('li', 'muted', 'none'));
    // objgraph's question: the shortest chain of references from a root down to this object
    const byId = new Map(snap.objects.map((x) => [x.id, x]));
    const chain: { text: string; obj?: number }[] = [];
    let cur: PanelObject | undefined = o;
    for (let guard = 0; cur?.keptBy && guard < 64; guard++) {
      chain.unshift({ text: cur.keptBy.text, obj: cur.keptBy.obj });
      cur = cur.keptBy.obj !== undefined ? byId.get(cur.keptBy.obj) : undefined;
    }
    const kept = h('ol', 'reflist keptlist');
    for (const link of chain) {
      const li = h('li', link.obj !== undefined ? 'clickable' : '', link.text);
      if (link.obj !== undefined) {
        const id = link.obj;
        li.addEventListener('click', () => this.act.select(id));
      }
      kept.append(li);
    }
    if (!o.keptBy) kept.append(h('li', 'muted', 'only reference cycles: no root reaches it (work for the cyclic GC)'));
    const focusBtn = button('Focus neighbourhood', { title: 'Show only objects within two references (double-click a node)', onClick: () => this.act.focus(o.id) });
    this.inspector.append(
      h('div', 'insp-head', h('strong', '', o.type), close),
      h('pre', 'repr', o.repr),
      table,
      h('h4', '', `Referrers (${o.referrers.reduce((n, r) => n + r.count, 0)})`), refs,
      h('h4', '', 'References'), outs,
      h('h4', '', 'Kept alive by'), kept,
      h('div', 'insp-actions', focusBtn.el),
    );
  }

  private inspectStep(snap: StepSnapshot, close: HTMLElement): void {
    const list = h('ul', 'steplist');
    for (const e of snap.events) {
      if (e.kind === 'line') continue;
      const li = h('li', `ev ev-${e.kind}`, h('span', 'ev-kind', e.kind), e.text);
      if (e.obj !== undefined) {
        const id = e.obj;
        li.classList.add('clickable');
        li.addEventListener('click', () => this.act.select(id));
      }
      list.append(li);
    }
    if (!list.childElementCount) list.append(h('li', 'muted', 'Nothing happened to memory in this step.'));
    if (snap.stepEventCount > snap.events.length) list.append(h('li', 'muted', `… ${snap.stepEventCount - snap.events.length} more in the Events view`));
    this.inspector.append(h('div', 'insp-head', h('strong', '', 'This step '), this.lineLink(snap.line), close), list);
    if (snap.stdoutTail) this.inspector.append(h('h4', '', 'Output so far'), h('pre', 'stdout', snap.stdoutTail));
  }

  private renderGcCard(s: PanelState): void {
    const sim = s.gcSim;
    this.gcCard.hidden = !sim;
    clear(this.gcCard);
    if (!sim) return;
    const ph = sim.phases[s.gcPhase];
    const prev = button('', { appearance: 'icon', icon: icon('prev'), title: 'Previous phase', onClick: () => this.act.gcPhase(s.gcPhase - 1) });
    const next = button('', { appearance: 'icon', icon: icon('next'), title: 'Next phase', onClick: () => this.act.gcPhase(s.gcPhase + 1) });
    prev.setDisabled(s.gcPhase === 0);
    next.setDisabled(s.gcPhase >= sim.phases.length - 1);
    const close = button('', { appearance: 'icon', icon: icon('close'), title: 'Close', onClick: () => this.act.closeGc() });
    const steps = h('ol', 'gc-phases');
    sim.phases.forEach((p, i) => {
      const li = h('li', i === s.gcPhase ? 'current' : i < s.gcPhase ? 'done' : '', p.phase.replace(/_/g, ' '));
      li.addEventListener('click', () => this.act.gcPhase(i));
      steps.append(li);
    });
    const body = h('div', 'gc-body');
    if (ph) {
      body.append(h('p', '', ph.description));
      if (ph.objs.length) body.append(h('p', 'muted', `${ph.objs.length} object${ph.objs.length === 1 ? '' : 's'} highlighted in the graph`));
      if (ph.gcRefs?.length) {
        const ul = h('ul', 'gcrefs');
        for (const g of ph.gcRefs.slice(0, 12)) ul.append(h('li', '', `${hex(g.obj)}: gc_refs ${g.refs}${g.refs === 0 ? ' (only internal references)' : ''}`));
        body.append(ul);
      }
    }
    this.gcCard.append(
      h('div', 'gc-head', h('strong', '', `gc.collect(${sim.generation}) at step ${sim.step + 1}`), h('span', 'tl-spacer'), prev.el, next.el, close.el),
      steps, body,
      h('div', 'gc-sum', `unreachable ${sim.unreachable.length} · finalizers ${sim.finalizers.length} · freed ${sim.freed.length} · returns ${sim.collected}${sim.uncollectable ? ` · uncollectable ${sim.uncollectable}` : ''}`),
    );
  }
}
