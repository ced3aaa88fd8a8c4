// Builds the SessionInfo the panel receives once per run: downsampled live-bytes and gc-count series,
// collection markers, GIL lanes per thread, per-line totals. Pure and bounded by PANEL_LIMITS.
import { OWN_GIL } from '../../engine/trace/events';
import { PANEL_LIMITS } from '../../protocol/panel';
import type {
  GcCollectionMarker, GcOverview, GilLane, GilOverview, MemoryOverview, PanelLineSummary, PanelRunStatus,
  SessionInfo, ThreadState,
  PanelHeapMap,
} from '../../protocol/panel';
import type { EventIndex } from './eventlog';
import type { PanelRun } from './types';
import { kindAt, type EventSeq } from '../../engine/trace/log';

/** gc.get_threshold() per version, measured on CPython 3.10.13, 3.11.7, 3.12.1 and 3.13.0. */
export function defaultGcThresholds(version: string): [number, number, number] {
  return version === '3.13' ? [2000, 10, 10] : [700, 10, 10];
}

/** Live bytes after each step, replayed from alloc/update/dealloc sizes. */
export function liveBytesPerStep(events: EventSeq, index: EventIndex): Float64Array {
  const out = new Float64Array(index.stepCount);
  const sizes = new Map<number, number>();
  let live = 0;
  for (let i = 0; i < events.length; i++) {
    const k = kindAt(events, i);
    const e = k === 'alloc' || k === 'update' || k === 'dealloc' ? events.at(i)! : null;
    if (e === null) {
      // no size change
    } else if (e.k === 'alloc') {
      sizes.set(e.obj, e.size);
      live += e.size;
    } else if (e.k === 'update' && e.size !== undefined) {
      live += e.size - (sizes.get(e.obj) ?? 0);
      sizes.set(e.obj, e.size);
    } else if (e.k === 'dealloc') {
      live -= sizes.get(e.obj) ?? 0;
      sizes.delete(e.obj);
    }
    out[index.stepOf[i]] = live;
  }
  // steps without events keep the previous value
  for (let s = 1; s < out.length; s++) if (index.stepStart[s] === index.stepStart[s + 1]) out[s] = out[s - 1];
  return out;
}

/** At most `maxPoints` samples; each keeps the largest value of its bucket and the bucket's first step. */
export function downsampleMax(values: ArrayLike<number>, maxPoints: number): { step: number; bytes: number }[] {
  const n = values.length;
  const out: { step: number; bytes: number }[] = [];
  if (n === 0) return out;
  const bucket = Math.max(1, Math.ceil(n / maxPoints));
  for (let s = 0; s < n; s += bucket) {
    let best = values[s];
    for (let j = s + 1; j < Math.min(n, s + bucket); j++) if (values[j] > best) best = values[j];
    out.push({ step: s, bytes: best });
  }
  return out;
}

export function memoryOverview(live: Float64Array): MemoryOverview {
  let peakBytes = 0;
  let peakStep = 0;
  for (let s = 0; s < live.length; s++) if (live[s] > peakBytes) { peakBytes = live[s]; peakStep = s; }
  return { series: downsampleMax(live, PANEL_LIMITS.seriesPoints), peakBytes, peakStep };
}

/** gc counts in the order the collector reported them, with their steps (ascending; for lookups the last one of a step wins). */
export function gcCountSamples(events: EventSeq, index: EventIndex): { steps: Uint32Array; counts: [number, number, number][] } {
  const steps: number[] = [];
  const counts: [number, number, number][] = [];
  for (let i = 0; i < events.length; i++) {
    if (kindAt(events, i) !== 'gc') continue;
    const e = events.at(i)!;
    if (e.k !== 'gc' || !e.counts) continue;
    // every report is kept (a collection's start and stop fall in one step: the drop is drawn)
    steps.push(index.stepOf[i]);
    counts.push([...e.counts]);
  }
  return { steps: Uint32Array.from(steps), counts };
}

export function gcOverview(events: EventSeq, index: EventIndex, thresholds: [number, number, number]): GcOverview {
  const samples = gcCountSamples(events, index);
  const series: GcOverview['series'] = [];
  const bucket = Math.max(1, Math.ceil(samples.steps.length / PANEL_LIMITS.seriesPoints));
  for (let j = 0; j < samples.steps.length; j += bucket) {
    const c: [number, number, number] = [0, 0, 0];
    for (let k = j; k < Math.min(samples.steps.length, j + bucket); k++) for (let g = 0; g < 3; g++) c[g] = Math.max(c[g], samples.counts[k][g]);
    series.push({ step: samples.steps[j], counts: c });
  }
  const collections: GcCollectionMarker[] = [];
  let total = 0;
  for (let i = 0; i < events.length; i++) {
    if (kindAt(events, i) !== 'gc') continue;
    const e = events.at(i)!;
    if (e.k !== 'gc' || e.phase !== 'stop') continue;
    total++;
    if (collections.length < PANEL_LIMITS.markers) {
      collections.push({ step: index.stepOf[i], generation: e.generation, collected: e.collected ?? 0, uncollectable: e.uncollectable ?? 0 });
    }
  }
  return { thresholds, series, collections, collectionsTotal: total };
}

interface LaneBuild {
  lane: GilLane;
  state: ThreadState | null;
  since: number;
}

/** Merges a lane's segments into at most `max` by equal time buckets (the dominant state wins). */
export function capSegments(segs: GilLane['segments'], max: number): GilLane['segments'] {
  if (segs.length <= max) return segs;
  const t0 = segs[0].start;
  const t1 = segs[segs.length - 1].end;
  const width = (t1 - t0) / max || 1;
  const out: GilLane['segments'] = [];
  let j = 0;
  for (let b = 0; b < max; b++) {
    const bs = t0 + b * width;
    const be = b === max - 1 ? t1 : bs + width;
    const dur: Record<ThreadState, number> = { running: 0, waiting: 0, blocked: 0 };
    while (j < segs.length && segs[j].end <= bs) j++;
    for (let k = j; k < segs.length && segs[k].start < be; k++) dur[segs[k].state] += Math.min(be, segs[k].end) - Math.max(bs, segs[k].start);
    const best = (Object.keys(dur) as ThreadState[]).reduce((a, c) => (dur[c] > dur[a] ? c : a), 'running');
    if (dur[best] <= 0) continue;
    const last = out[out.length - 1];
    if (last && last.state === best && last.end === bs) last.end = be;
    else out.push({ start: bs, end: be, state: best });
  }
  return out;
}

export function gilOverview(events: EventSeq, index: EventIndex): GilOverview {
  const lanes = new Map<number, LaneBuild>();
  const switches: GilOverview['switches'] = [];
  const markerSteps: number[] = [];
  const clockAll: { step: number; time: number }[] = [];
  let switchesTotal = 0;
  /** the thread that held the GIL last (kept through its release, so a hand-over is seen) */
  let holder: number | null = null;
  let endTime = 0;
  const laneOf = (thread: number, time: number): LaneBuild => {
    let l = lanes.get(thread);
    if (!l) {
      l = { lane: { thread, name: index.texts.threadName(thread), segments: [], totals: { running: 0, waiting: 0, blocked: 0 }, start: time, end: null }, state: null, since: time };
      lanes.set(thread, l);
    }
    return l;
  };
  const setState = (l: LaneBuild, state: ThreadState | null, time: number) => {
    if (l.state === state) return;
    if (l.state !== null && time > l.since) {
      const segs = l.lane.segments;
      const last = segs[segs.length - 1];
      if (last && last.state === l.state && last.end === l.since) last.end = time;
      else segs.push({ start: l.since, end: time, state: l.state });
      l.lane.totals[l.state] += time - l.since;
    }
    l.state = state;
    l.since = time;
  };
  for (let i = 0; i < events.length; i++) {
    const k = kindAt(events, i);
    if (k !== 'gil' && k !== 'thread') continue;
    const e = events.at(i)!;
    if (e.k !== 'gil' && e.k !== 'thread') continue;
    endTime = Math.max(endTime, e.time);
    const st = index.stepOf[i];
    if (clockAll.length && clockAll[clockAll.length - 1].step === st) clockAll[clockAll.length - 1].time = e.time;
    else clockAll.push({ step: st, time: e.time });
    const l = laneOf(e.thread, e.time);
    if (e.k === 'thread') {
      if (e.name) l.lane.name = e.name;
      if (e.what === 'start') setState(l, l.state ?? 'waiting', e.time);
      else if (e.what === 'block') setState(l, 'blocked', e.time);
      else if (e.what === 'unblock') setState(l, 'waiting', e.time);
      else { setState(l, null, e.time); l.lane.end = e.time; }
    } else if (e.what === 'acquire' && e.reason === OWN_GIL) {
      // a child process: its own GIL, not a hand-over of this interpreter's
      l.lane.process = true;
      setState(l, 'running', e.time);
    } else if (e.what === 'acquire') {
      if (holder !== null && holder !== e.thread) {
        switchesTotal++;
        if (switches.length < PANEL_LIMITS.markers) switches.push({ time: e.time, step: index.stepOf[i], from: holder, to: e.thread });
        if (markerSteps.length < PANEL_LIMITS.markers && markerSteps[markerSteps.length - 1] !== index.stepOf[i]) markerSteps.push(index.stepOf[i]);
      }
      holder = e.thread;
      setState(l, 'running', e.time);
    } else if (e.what === 'release') {
      if (l.state === 'running') setState(l, 'waiting', e.time);
    } else if (e.what === 'request') {
      if (l.state !== 'running') setState(l, 'waiting', e.time);
    }
  }
  for (const l of lanes.values()) {
    if (l.state !== null) setState(l, null, endTime);
    l.lane.segments = capSegments(l.lane.segments, PANEL_LIMITS.laneSegments);
  }
  const sorted = [...lanes.values()].map((l) => l.lane).sort((a, b) => a.thread - b.thread);
  const every = Math.max(1, Math.ceil(clockAll.length / PANEL_LIMITS.seriesPoints));
  const clock = clockAll.filter((_, k) => k % every === 0 || k === clockAll.length - 1);
  return { lanes: sorted, switches, switchesTotal, endTime, markerSteps, clock };
}

export function lineRows(run: PanelRun): PanelLineSummary[] {
  const src = run.source?.split(/\r?\n/);
  const rows: PanelLineSummary[] = [];
  for (const s of run.timeline.lineSummaries().values()) {
    // "line 0" is the interpreter's own work: constants made at compile time, the shutdown
    if (s.line <= 0) continue;
    const text = src?.[s.line - 1]?.trim();
    rows.push({ ...s, allocTypes: { ...s.allocTypes }, freeTypes: { ...s.freeTypes }, ...(text !== undefined ? { text: text.slice(0, 120) } : {}) });
  }
  rows.sort((a, b) => a.line - b.line);
  return rows.slice(0, PANEL_LIMITS.lineRows);
}

/** the engine's heap map in panel form */
export function heapMapOf(h: NonNullable<PanelRun['result']['heapMap']>): PanelHeapMap {
  return {
    arenaSize: h.arenaSize,
    poolSize: h.poolSize,
    arenas: h.arenas.map((a) => ({
      address: a.address,
      totalPools: a.totalPools,
      pools: a.pools.map((p) => ({ sizeClass: p.sizeClass, blockSize: p.blockSize, used: p.usedBlocks, total: p.totalBlocks, state: p.state })),
    })),
    rawBlocks: h.rawBlocks,
    rawBytes: h.rawBytes,
    arenasReclaimed: h.arenasReclaimed,
  };
}

export function buildSession(run: PanelRun, index: EventIndex, sessionId: number, live: Float64Array): SessionInfo {
  const r = run.result;
  const status: PanelRunStatus = r.status;
  const firstProblem = r.diagnostics.find((d) => d.kind !== 'cycle' && d.kind !== 'alive-at-exit');
  return {
    sessionId,
    uri: run.uri,
    fileName: run.fileName,
    documentVersion: run.documentVersion,
    pythonVersion: r.version,
    status,
    ...(status !== 'ok' && firstProblem ? { statusMessage: `line ${firstProblem.range.startLine}: ${firstProblem.message}` } : {}),
    stepCount: index.stepCount,
    eventCount: r.events.length,
    eventsTruncated: r.eventsTruncated,
    memory: { ...memoryOverview(live), ...(r.heapMap ? { heap: heapMapOf(r.heapMap) } : {}) },
    lines: lineRows(run),
    gc: gcOverview(r.events, index, run.gcThresholds ?? defaultGcThresholds(r.version)),
    gil: gilOverview(r.events, index),
  };
}
