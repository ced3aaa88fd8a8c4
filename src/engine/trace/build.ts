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
  const b = new TimelineBuilder(events, k);
  b.advance(Number.POSITIVE_INFINITY);
  return b.data;
}

/**
 * The replay as resumable work: advance(deadline) processes events until the clock passes the
 * deadline (checked every 1,024 events) and says whether the timeline is complete, so a caller on a
 * UI thread can build a long trace's timeline in slices.
 */
export class TimelineBuilder {
  private d: TimelineData | undefined;
  private state: ReplayState | undefined;
  private hasLines = false;
  private readonly out: string[] = [];
  private outLen = 0;
  private interval: number;
  private lastCp = 0;
  private openGc: GcMarker | null = null;
  /** phase 0 counts line events, phase 1 finds step starts, phase 2 replays */
  private phase = 0;
  private lines = 0;
  /** the step being replayed (phase 1: the next step), the next event, the open step's summary */
  private s = 0;
  private i = 0;
  private inStep = false;
  private sum: LineSummary | undefined;
  private bytesBefore = 0;
  private done = false;

  constructor(
    private readonly events: EventSeq,
    private readonly k: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.interval = k;
  }

  /** the finished timeline's data (after advance returned true) */
  get data(): TimelineData {
    if (!this.done || !this.d) throw new Error('the timeline is not built yet');
    return this.d;
  }

  /** phases 0 and 1: step boundaries; false when the deadline passed first */
  private findSteps(deadline: number): boolean {
    const events = this.events;
    const n = events.length;
    if (this.phase === 0) {
      while (this.i < n) {
        if (kindAt(events, this.i++) === 'line') this.lines++;
        if ((this.i & 16383) === 0 && this.now() >= deadline) return false;
      }
      this.hasLines = this.lines > 0;
      const steps = Math.max(1, this.lines);
      this.d = {
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
      this.d.stepStart[steps] = n;
      this.phase = 1;
      this.i = 0;
      this.s = 0;
    }
    const d = this.d!;
    if (this.phase === 1) {
      while (this.i < n) {
        const i = this.i++;
        if (kindAt(events, i) === 'line') {
          const e = events.at(i) as Extract<TraceEvent, { k: 'line' }>;
          const s = this.s++;
          d.stepStart[s] = s === 0 ? 0 : i;
          d.stepLine[s] = e.line;
          d.stepFrame[s] = e.frame;
        }
        if ((this.i & 16383) === 0 && this.now() >= deadline) return false;
      }
      this.state = new ReplayState(d.holders);
      d.checkpoints.push(this.state.snapshot(0));
      this.phase = 2;
      this.i = 0;
      this.s = 0;
    }
    return true;
  }

  /** Replays until `deadline` (in the builder's clock) or the end; true once the timeline is complete. */
  advance(deadline: number): boolean {
    if (this.done) return true;
    if (this.phase < 2 && !this.findSteps(deadline)) return false;
    const d = this.d!;
    const events = this.events;
    const state = this.state!;
    while (this.s < d.stepCount) {
      const s = this.s;
      if (!this.inStep) {
        this.inStep = true;
        this.i = d.stepStart[s]!;
        this.sum = undefined;
        if (this.hasLines) {
          const line = d.stepLine[s]!;
          let sum = d.summaries.get(line);
          if (sum === undefined) d.summaries.set(line, (sum = newSummary(line, s)));
          sum.lastStep = s;
          this.sum = sum;
        }
        this.bytesBefore = state.liveBytes;
      }
      const end = d.stepStart[s + 1]!;
      const sum = this.sum;
      while (this.i < end) {
        const i = this.i++;
        this.apply(events.at(i)!, i, s, sum);
        if ((i & 1023) === 1023 && this.now() >= deadline) return false;
      }
      d.bytesAfter[s] = state.liveBytes;
      d.stdoutEnd[s] = this.outLen;
      if (sum !== undefined) {
        sum.memoryDelta += state.liveBytes - this.bytesBefore;
        sum.memoryAfter = state.liveBytes;
      }
      this.inStep = false;
      this.s++;
    }
    d.stdoutText = this.out.join('');
    this.done = true;
    return true;
  }

  private apply(e: TraceEvent, i: number, s: number, sum: LineSummary | undefined): void {
    const d = this.d!;
    const state = this.state!;
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
        this.out.push(e.text);
        this.outLen += e.text.length;
        break;
      case 'gc': {
        // a collection runs from `start` to `stop`; other phases outside one (gc.freeze's promote) are no marker
        if (this.openGc === null && e.phase !== 'start' && e.phase !== 'stop') break;
        let m = this.openGc;
        if (e.phase === 'start' || m === null) {
          m = { step: s, endStep: s, generation: e.generation, collected: 0, uncollectable: 0, firstEvent: i };
          d.gc.push(m);
          this.openGc = m;
        }
        m.endStep = s;
        if (e.phase === 'stop') {
          m.collected = e.collected ?? 0;
          m.uncollectable = e.uncollectable ?? 0;
          this.openGc = null;
        }
        break;
      }
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
    if (i + 1 - this.lastCp >= this.interval) {
      this.lastCp = i + 1;
      d.checkpoints.push(state.snapshot(this.lastCp));
      this.interval = Math.max(this.k, 2 * state.checkpointSpacing);
    }
  }
}
