// The one replay over the whole event stream that a Timeline is built from: step boundaries,
// checkpoints (every K events, or every 2x the heap's records when that is more), live bytes and
// stdout offsets per step, line summaries, frame names, GC and GIL markers.
import type { LineSummary } from '../api';
import type { FrameId, TraceEvent } from './events';
import { HolderTable } from './holders';
import { ReplayState, type Snapshot } from './replay';
import { kindAt, type EventSeq } from './log';

/** One collection of the cyclic GC, from its `start` to its `stop` (or a lone `stop`). */
export interface GcMarker {
  step: number;
  endStep: number;
  generation: number;
  collected: number;
  uncollectable: number;
  firstEvent: number;
}

export interface GilMarker {
  step: number;
  event: number;
  kind: 'gil' | 'thread';
  what: string;
  thread: number;
  time: number;
  reason?: string;
  name?: string;
}


function newSummary(line: number, step: number): LineSummary {
  return {
    line,
    hits: 0,
    allocs: 0,
    allocBytes: 0,
    frees: 0,
    freeBytes: 0,
    increfs: 0,
    decrefs: 0,
    memoryDelta: 0,
    memoryAfter: 0,
    allocTypes: {},
    freeTypes: {},
    firstStep: step,
    lastStep: step,
  };
}

export interface TimelineData {
  stepCount: number;
  /** event index where each step starts (step 0 starts at 0), plus events.length at the end */
  stepStart: Int32Array;
  stepLine: Int32Array;
  stepFrame: Int32Array;
  /** live bytes after each step */
  bytesAfter: Float64Array;
  /** stdout length after each step */
  stdoutEnd: Float64Array;
  stdoutText: string;
  checkpoints: Snapshot[];
  holders: HolderTable;
  frameNames: Map<FrameId, string>;
  summaries: Map<number, LineSummary>;
  gc: GcMarker[];
  gil: GilMarker[];
}

export function buildTimeline(events: EventSeq, k: number): TimelineData {
  const n = events.length;
  let lines = 0;
  for (let i = 0; i < n; i++) if (kindAt(events, i) === 'line') lines++;
  const hasLines = lines > 0;
  const steps = Math.max(1, lines);
  const d: TimelineData = {
    stepCount: steps,
    stepStart: new Int32Array(steps + 1),
    stepLine: new Int32Array(steps),
    stepFrame: new Int32Array(steps),
    bytesAfter: new Float64Array(steps),
    stdoutEnd: new Float64Array(steps),
    stdoutText: '',
    checkpoints: [],
    holders: new HolderTable(),
    frameNames: new Map(),
    summaries: new Map(),
    gc: [],
    gil: [],
  };
  d.stepStart[steps] = n;
  for (let i = 0, s = 0; i < n; i++) {
    if (kindAt(events, i) !== 'line') continue;
    const e = events.at(i) as Extract<TraceEvent, { k: 'line' }>;
    d.stepStart[s] = s === 0 ? 0 : i;
    d.stepLine[s] = e.line;
    d.stepFrame[s] = e.frame;
    s++;
  }
  const state = new ReplayState(d.holders);
  const out: string[] = [];
  let outLen = 0;
  let interval = k;
  let lastCp = 0;
  let openGc: GcMarker | null = null;
  d.checkpoints.push(state.snapshot(0));
  for (let s = 0; s < d.stepCount; s++) {
    const end = d.stepStart[s + 1]!;
    const line = d.stepLine[s]!;
    let sum: LineSummary | undefined;
    if (hasLines) {
      sum = d.summaries.get(line);
      if (sum === undefined) d.summaries.set(line, (sum = newSummary(line, s)));
      sum.lastStep = s;
    }
    const bytesBefore = state.liveBytes;
    for (let i = d.stepStart[s]!; i < end; i++) {
      const e = events.at(i)!;
      switch (e.k) {
        case 'line':
          if (sum !== undefined && !e.resume) sum.hits++;
          break;
        case 'alloc':
          // an interpreter-owned object the program merely touched (a module, a cached small int) was
          // not allocated by the line
          if (sum !== undefined && !(e.holder && e.holder.kind === 'interpreter')) {
            sum.allocs++;
            sum.allocBytes += e.size;
            sum.allocTypes[e.type] = (sum.allocTypes[e.type] ?? 0) + 1;
          }
          break;
        case 'dealloc': {
          const rec = state.objects.get(e.obj);
          if (sum !== undefined && rec !== undefined) {
            sum.frees++;
            sum.freeBytes += rec.size;
            sum.freeTypes[rec.type] = (sum.freeTypes[rec.type] ?? 0) + 1;
          }
          break;
        }
        case 'incref':
          if (sum !== undefined) sum.increfs++;
          break;
        case 'decref':
          if (sum !== undefined) sum.decrefs++;
          break;
        case 'call':
          d.frameNames.set(e.frame, e.name);
          break;
        case 'output':
          out.push(e.text);
          outLen += e.text.length;
          break;
        case 'gc':
          // a collection runs from `start` to `stop`; other phases outside one (gc.freeze's promote) are no marker
          if (openGc === null && e.phase !== 'start' && e.phase !== 'stop') break;
          if (e.phase === 'start' || openGc === null) {
            openGc = { step: s, endStep: s, generation: e.generation, collected: 0, uncollectable: 0, firstEvent: i };
            d.gc.push(openGc);
          }
          openGc.endStep = s;
          if (e.phase === 'stop') {
            openGc.collected = e.collected ?? 0;
            openGc.uncollectable = e.uncollectable ?? 0;
            openGc = null;
          }
          break;
        case 'gil': {
          const m: GilMarker = { step: s, event: i, kind: 'gil', what: e.what, thread: e.thread, time: e.time };
          if (e.reason !== undefined) m.reason = e.reason;
          d.gil.push(m);
          break;
        }
        case 'thread':
          d.gil.push({ step: s, event: i, kind: 'thread', what: e.what, thread: e.thread, time: e.time, name: e.name });
          break;
        default:
          break;
      }
      state.apply(e);
      if (i + 1 - lastCp >= interval) {
        lastCp = i + 1;
        d.checkpoints.push(state.snapshot(lastCp));
        interval = Math.max(k, 2 * state.checkpointSpacing);
      }
    }
    d.bytesAfter[s] = state.liveBytes;
    d.stdoutEnd[s] = outLen;
    if (sum !== undefined) {
      sum.memoryDelta += state.liveBytes - bytesBefore;
      sum.memoryAfter = state.liveBytes;
    }
  }
  d.stdoutText = out.join('');
  return d;
}
