// Indexes one run's event stream for the panel: the step (and line) of every event, filtered pages of
// the event log, and the formatted events of one step. Built once per run; pages are bounded.
import type { TraceEvent } from '../../engine/trace/events';
import { EVENT_FILTER_KINDS, PANEL_LIMITS } from '../../protocol/panel';
import type { EventFilterKind, EventPage, EventPageRequest, PanelEvent } from '../../protocol/panel';
import { EventTexts, eventObj } from './format';
import type { EventSeq } from '../../engine/trace/log';

export function filterKindOf(e: TraceEvent): EventFilterKind {
  switch (e.k) {
    case 'alloc': case 'incref': case 'decref': case 'dealloc': case 'gc': case 'gil':
      return e.k;
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
    let lines = 0;
    for (const e of events) if (e.k === 'line') lines++;
    this.stepCount = Math.max(1, lines);
    this.stepOf = new Uint32Array(events.length);
    this.stepStart = new Uint32Array(this.stepCount + 1);
    this.stepLine = new Uint32Array(this.stepCount);
    const counts = new Map<EventFilterKind, number>();
    for (const k of EVENT_FILTER_KINDS) counts.set(k, 0);
    let step = -1;
    for (let i = 0; i < events.length; i++) {
      const e = events.at(i)!;
      if (e.k === 'line') {
        step++;
        if (step > 0) this.stepStart[step] = i;
        this.stepLine[step] = e.line;
      }
      this.stepOf[i] = Math.max(0, step);
      const fk = filterKindOf(e);
      counts.set(fk, counts.get(fk)! + 1);
    }
    this.stepStart[this.stepCount] = events.length;
    this.inGc = new Uint8Array(events.length);
    let collecting = false;
    for (let i = 0; i < events.length; i++) {
      const e = events.at(i)!;
      if (e.k === 'gc' && e.phase === 'start') collecting = true;
      if (collecting) this.inGc[i] = 1;
      if (e.k === 'gc' && e.phase === 'stop') collecting = false;
    }
    const fill = new Map<EventFilterKind, number>();
    for (const k of EVENT_FILTER_KINDS) {
      this.byKind.set(k, new Uint32Array(counts.get(k)!));
      fill.set(k, 0);
    }
    for (let i = 0; i < events.length; i++) {
      const fk = filterKindOf(events.at(i)!);
      const n = fill.get(fk)!;
      this.byKind.get(fk)![n] = i;
      fill.set(fk, n + 1);
    }
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
