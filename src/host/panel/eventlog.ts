// Indexes one run's event stream for the panel: the step (and line) of every event, filtered pages of
// the event log, and the formatted events of one step. Built once per run; pages are bounded.
import type { TraceEvent } from '../../engine/trace/events';
import { EVENT_FILTER_KINDS, PANEL_LIMITS } from '../../protocol/panel';
import type { EventFilterKind, EventPage, EventPageRequest, PanelEvent } from '../../protocol/panel';
import { EventTexts, eventObj } from './format';
import { kindAt, type EventSeq } from '../../engine/trace/log';

export function filterKindOf(e: TraceEvent): EventFilterKind {
  return filterKindOfKind(e.k);
}

const FILTER_INDEX = new Map<EventFilterKind, number>(EVENT_FILTER_KINDS.map((k, i) => [k, i]));

function filterKindOfKind(k: TraceEvent['k']): EventFilterKind {
  switch (k) {
    case 'alloc': case 'incref': case 'decref': case 'dealloc': case 'gc': case 'gil':
      return k;
    case 'thread': case 'lock':
      return 'gil';
    default:
      return 'other';
  }
}

/**
 * The step model of src/engine/trace: each `line` event begins a step; events before the first
 * `line` event belong to step 0.
 */
export class EventIndex {
  readonly texts: EventTexts;
  /** step of each event */
  readonly stepOf: Uint32Array;
  /** first event of each step; stepStart[stepCount] = events.length */
  readonly stepStart: Uint32Array;
  /** line of each step */
  readonly stepLine: Uint32Array;
  readonly stepCount: number;
  private readonly byKind = new Map<EventFilterKind, Uint32Array>();
  private cache: { key: string; indices: Uint32Array } | null = null;
  /** events that fall inside a collection (between a gc `start` and its `stop`) */
  private readonly inGc: Uint8Array;

  constructor(private readonly events: EventSeq) {
    this.texts = new EventTexts(events);
    const n = events.length;
    // one pass reads every event's kind (as an index into EVENT_FILTER_KINDS, LINE or GC); the others use it
    const LINE = 254;
    const GC = 253;
    const codes = new Uint8Array(n);
    const counts = new Uint32Array(EVENT_FILTER_KINDS.length);
    let lines = 0;
    for (let i = 0; i < n; i++) {
      const k = kindAt(events, i);
      const fi = FILTER_INDEX.get(filterKindOfKind(k))!;
      counts[fi]!++;
      codes[i] = k === 'line' ? LINE : k === 'gc' ? GC : fi;
      if (k === 'line') lines++;
    }
    this.stepCount = Math.max(1, lines);
    this.stepOf = new Uint32Array(n);
    this.stepStart = new Uint32Array(this.stepCount + 1);
    this.stepLine = new Uint32Array(this.stepCount);
    this.inGc = new Uint8Array(n);
    const byKind = EVENT_FILTER_KINDS.map((_, j) => new Uint32Array(counts[j]!));
    const fill = new Uint32Array(EVENT_FILTER_KINDS.length);
    const otherIndex = FILTER_INDEX.get('other')!;
    const gcIndex = FILTER_INDEX.get('gc')!;
    let step = -1;
    let collecting = false;
    for (let i = 0; i < n; i++) {
      const c = codes[i]!;
      let fi = c;
      if (c === LINE) {
        step++;
        if (step > 0) this.stepStart[step] = i;
        this.stepLine[step] = (events.at(i) as { line: number }).line;
        fi = otherIndex;
      }
      // a collection's events, from its `start` to its `stop` included
      const phase = c === GC ? (events.at(i) as { phase: string }).phase : '';
      if (phase === 'start') collecting = true;
      if (collecting) this.inGc[i] = 1;
      if (phase === 'stop') collecting = false;
      if (c === GC) fi = gcIndex;
      this.stepOf[i] = Math.max(0, step);
      byKind[fi]![fill[fi]!++] = i;
    }
    this.stepStart[this.stepCount] = n;
    EVENT_FILTER_KINDS.forEach((k, j) => this.byKind.set(k, byKind[j]!));
  }

  get eventCount(): number {
    return this.events.length;
  }

  lineOfStep(step: number): number {
    return this.stepLine[Math.min(Math.max(0, step), this.stepCount - 1)] ?? 0;
  }

  panelEvent(i: number): PanelEvent {
    const e = this.events.at(i)!;
    const step = this.stepOf[i];
    const pe: PanelEvent = { index: i, step, line: this.stepLine[step] ?? 0, kind: e.k, text: this.texts.text(e) };
    const obj = eventObj(e);
    if (obj !== undefined) pe.obj = obj;
    if (e.k === 'dealloc') {
      pe.reason = e.reason;
      if (this.inGc[i]) {
        pe.duringGc = true;
        if (e.reason === 'refcount') pe.text += ' during the gc collection';
      }
    }
    return pe;
  }

  /** The events of one step, at most `limit`. */
  eventsOfStep(step: number, limit: number = PANEL_LIMITS.stepEvents): { events: PanelEvent[]; total: number } {
    const s = Math.min(Math.max(0, step), this.stepCount - 1);
    const from = this.stepStart[s];
    const to = this.stepStart[s + 1];
    const out: PanelEvent[] = [];
    for (let i = from; i < to && out.length < limit; i++) out.push(this.panelEvent(i));
    return { events: out, total: to - from };
  }

  /** Indices of the events matching `kinds`, ascending (cached for the last filter asked). */
  matching(kinds: readonly EventFilterKind[]): Uint32Array {
    const set = EVENT_FILTER_KINDS.filter((k) => kinds.includes(k));
    const key = set.join(',');
    if (this.cache?.key === key) return this.cache.indices;
    let indices: Uint32Array;
    if (set.length === EVENT_FILTER_KINDS.length) {
      indices = new Uint32Array(this.events.length);
      for (let i = 0; i < indices.length; i++) indices[i] = i;
    } else {
      const parts = set.map((k) => this.byKind.get(k)!);
      indices = new Uint32Array(parts.reduce((n, p) => n + p.length, 0));
      let o = 0;
      for (const p of parts) {
        indices.set(p, o);
        o += p.length;
      }
      if (parts.length > 1) indices.sort();
    }
    this.cache = { key, indices };
    return indices;
  }

  /** One page of the filtered log. */
  page(req: EventPageRequest): EventPage {
    const limit = Math.max(1, Math.min(req.limit, PANEL_LIMITS.eventPage));
    const indices = this.matching(req.kinds);
    let offset = req.offset ?? 0;
    if (req.aroundStep !== undefined) {
      const s = Math.min(Math.max(0, req.aroundStep), this.stepCount - 1);
      const first = lowerBound(indices, this.stepStart[s]);
      offset = Math.floor(first / limit) * limit;
    }
    offset = Math.max(0, Math.min(offset, Math.max(0, indices.length - 1)));
    const events: PanelEvent[] = [];
    for (let j = offset; j < indices.length && events.length < limit; j++) events.push(this.panelEvent(indices[j]));
    return { sessionId: req.sessionId, kinds: [...req.kinds], offset, total: indices.length, events };
  }
}

/** First position in the ascending array `a` whose value is >= x. */
export function lowerBound(a: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
