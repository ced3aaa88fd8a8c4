// Timeline: the event stream cut into steps (one per `line` event) with checkpoints (build.ts),
// so that the state at any step costs O(K + live objects). Answers the product's questions: state at a step, per-line summaries, what a line did, an object's history,
// live bytes over time, GC and GIL markers. Built once per simulation; every query is read-only.
import type { HeapState, LineSummary, ReferrerInfo } from '../api';
import type { FrameId, Holder, ObjId, TraceEvent } from './events';
import { holderText } from './format';
import { objectHistory, type ObjectHistory } from './history';
import { buildTimeline, TimelineBuilder, type GcMarker, type GilMarker, type TimelineData } from './build';
import type { HolderTable } from './holders';
import { rootPath, unreachableFromRoots } from './paths';
import { ReplayState, type Snapshot } from './replay';
import { describeEvent } from './sentences';
import { contextOf, heapStateOf } from './view';
import type { EventSeq } from './log';

export interface StepInfo {
  line: number;
  frame: FrameId;
  /** index of the step's first event (its `line` event, or 0 for step 0) */
  firstEvent: number;
  /** index one past the step's last event */
  endEvent: number;
}

export interface TimelineOptions {
  /** minimum events between checkpoints (K); default 4096 */
  checkpointEvery?: number;
  /** the recorder hit its event cap: the stream is a prefix of the run */
  truncated?: boolean;
}

export type { GcMarker, GilMarker } from './build';

export interface WhatHappenedOptions {
  /** which run of the line (a step of that line); default the last run */
  step?: number;
  /** most sentences returned; default 200 */
  max?: number;
}

function checkpointEvery(options: TimelineOptions): number {
  return Math.max(1, options.checkpointEvery ?? 4096);
}

/** How buildInSlices shares its thread: slice length, how to yield, when to give up. */
export interface SliceOptions {
  /** longest stretch of work between two pauses, in ms (default 12) */
  sliceMs?: number;
  /** lets other work run (the extension host: setImmediate) */
  pause: () => Promise<void>;
  /** checked after each pause: true stops the build (the result is then undefined) */
  cancelled?: () => boolean;
  now?: () => number;
}

export class Timeline {
  /**
   * The same timeline as the constructor's, built in slices of at most `sliceMs` with a pause after
   * each, so that a long trace never holds a UI thread for more than a slice. Undefined if cancelled.
   */
  static async buildInSlices(events: EventSeq, options: TimelineOptions, slices: SliceOptions): Promise<Timeline | undefined> {
    const now = slices.now ?? (() => performance.now());
    const sliceMs = slices.sliceMs ?? 12;
    const b = new TimelineBuilder(events, checkpointEvery(options), now);
    while (!b.advance(now() + sliceMs)) {
      await slices.pause();
      if (slices.cancelled?.()) return undefined;
    }
    return new Timeline(events, options, b.data);
  }

  readonly events: EventSeq;
  readonly truncated: boolean;
  readonly stepCount: number;
  /** checkpoints taken while building (exposed for tests and measurements) */
  readonly checkpointCount: number;
  private readonly stepStart: Int32Array;
  private readonly stepLine: Int32Array;
  private readonly stepFrame: Int32Array;
  private readonly bytesAfter: Float64Array;
  private readonly stdoutEnd: Float64Array;
  private readonly stdoutText: string;
  private readonly checkpoints: Snapshot[];
  private readonly holders: HolderTable;
  private readonly frameNames: Map<FrameId, string>;
  private readonly summaries: Map<number, LineSummary>;
  private readonly gc: GcMarker[];
  private readonly gil: GilMarker[];
  private lineSteps: Map<number, number[]> | undefined;

  /**
   * Builds the timeline at once (a 3 M-event trace takes about a second: on a UI thread use
   * Timeline.buildInSlices). `data` is for buildInSlices: the replay it already did.
   */
  constructor(events: EventSeq, options: TimelineOptions = {}, data?: TimelineData) {
    this.events = events;
    this.truncated = options.truncated ?? false;
    const d = data ?? buildTimeline(events, checkpointEvery(options));
    this.stepCount = d.stepCount;
    this.stepStart = d.stepStart;
    this.stepLine = d.stepLine;
    this.stepFrame = d.stepFrame;
    this.bytesAfter = d.bytesAfter;
    this.stdoutEnd = d.stdoutEnd;
    this.stdoutText = d.stdoutText;
    this.checkpoints = d.checkpoints;
    this.holders = d.holders;
    this.frameNames = d.frameNames;
    this.summaries = d.summaries;
    this.gc = d.gc;
    this.gil = d.gil;
    this.checkpointCount = d.checkpoints.length;
  }

  private checkStep(step: number): void {
    if (!Number.isInteger(step) || step < 0 || step >= this.stepCount) {
      throw new RangeError(`step ${step} is outside 0..${this.stepCount - 1}`);
    }
  }

  stepInfo(step: number): StepInfo {
    this.checkStep(step);
    return {
      line: this.stepLine[step]!,
      frame: this.stepFrame[step]!,
      firstEvent: this.stepStart[step]!,
      endEvent: this.stepStart[step + 1]!,
    };
  }

  /** The step an event falls in. */
  stepOfEvent(index: number): number {
    let lo = 0;
    let hi = this.stepCount - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.stepStart[mid]! <= index) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** The last checkpoint taken at or before `eventIndex`. */
  private checkpointBefore(eventIndex: number): Snapshot {
    const cps = this.checkpoints;
    let lo = 0;
    let hi = cps.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (cps[mid]!.eventIndex <= eventIndex) lo = mid;
      else hi = mid - 1;
    }
    return cps[lo]!;
  }

  /** A fresh replay state after the first `eventIndex` events (from the nearest checkpoint). */
  private replayTo(eventIndex: number): ReplayState {
    const cp = this.checkpointBefore(eventIndex);
    const state = new ReplayState(this.holders, cp);
    for (let i = cp.eventIndex; i < eventIndex; i++) state.apply(this.events.at(i)!);
    return state;
  }

  /** The heap after all events of `step`. */
  stateAt(step: number): HeapState {
    this.checkStep(step);
    return heapStateOf(this.replayTo(this.stepStart[step + 1]!), step, this.stepLine[step]!, this.frameNames);
  }

  /** The heap after the first `eventIndex` events (the panel's event log can jump inside a step). */
  stateAfterEvent(eventIndex: number): HeapState {
    const idx = Math.max(0, Math.min(this.events.length, eventIndex));
    const step = idx === 0 ? 0 : this.stepOfEvent(idx - 1);
    return heapStateOf(this.replayTo(idx), step, this.stepLine[step]!, this.frameNames);
  }

  lineSummaries(): Map<number, LineSummary> {
    const copy = new Map<number, LineSummary>();
    for (const [line, s] of this.summaries) {
      copy.set(line, { ...s, allocTypes: { ...s.allocTypes }, freeTypes: { ...s.freeTypes } });
    }
    return copy;
  }

  stepsOfLine(line: number): readonly number[] {
    if (this.lineSteps === undefined) {
      const m = new Map<number, number[]>();
      for (let s = 0; s < this.stepCount; s++) {
        const l = this.stepLine[s]!;
        let a = m.get(l);
        if (a === undefined) m.set(l, (a = []));
        a.push(s);
      }
      this.lineSteps = m;
    }
    return this.lineSteps.get(line) ?? [];
  }

  /** The last step of a line, or null if it never ran. */
  lastStepOfLine(line: number): number | null {
    return this.summaries.get(line)?.lastStep ?? null;
  }

  eventsOfStep(step: number): readonly TraceEvent[] {
    this.checkStep(step);
    return this.events.slice(this.stepStart[step]!, this.stepStart[step + 1]!);
  }

  /** Everything the program printed up to the end of `step`. */
  stdoutAt(step: number): string {
    this.checkStep(step);
    return this.stdoutText.slice(0, this.stdoutEnd[step]!);
  }

  get stdout(): string {
    return this.stdoutText;
  }

  private isResume(step: number): boolean {
    if (step === 0) return false;
    const e = this.events.at(this.stepStart[step]!);
    return e !== undefined && e.k === 'line' && e.resume === true;
  }

  /**
   * The steps of one run of a line: the step that started it and the `resume` steps of the same
   * frame that continued it after calls returned. `step` (a step of that line) picks the run;
   * default the last run. [] if the line never ran or `step` is not one of its steps.
   */
  runSteps(line: number, step?: number): number[] {
    const steps = this.stepsOfLine(line);
    if (steps.length === 0) return [];
    const idx = step === undefined ? steps.length - 1 : steps.indexOf(step);
    if (idx < 0) return [];
    const frame = this.stepFrame[steps[idx]!]!;
    let a = idx;
    while (a > 0 && this.isResume(steps[a]!) && this.stepFrame[steps[a - 1]!] === frame) a--;
    let b = idx;
    while (b + 1 < steps.length && this.isResume(steps[b + 1]!) && this.stepFrame[steps[b + 1]!] === frame) b++;
    return steps.slice(a, b + 1) as number[];
  }

  /**
   * One sentence per event of one run of a line (see runSteps; default the last run), skipping
   * what the functions it called did on their own lines. [] if the line never ran.
   */
  whatHappenedOnLine(line: number, options: WhatHappenedOptions = {}): string[] {
    if (options.step !== undefined) this.checkStep(options.step);
    const run = this.runSteps(line, options.step);
    if (run.length === 0) return [];
    const max = options.max ?? 200;
    const first = this.stepStart[run[0]!]!;
    const state = this.replayTo(first);
    const ctx = contextOf(state, this.frameNames);
    const out: string[] = [];
    let more = 0;
    let r = 0;
    const last = run[run.length - 1]!;
    for (let s = run[0]!; s <= last; s++) {
      const mine = s === run[r];
      if (mine) r++;
      for (let i = this.stepStart[s]!; i < this.stepStart[s + 1]!; i++) {
        const e = this.events.at(i)!;
        const text = mine ? describeEvent(e, state, ctx) : null;
        if (text !== null) {
          if (out.length < max) out.push(text);
          else more++;
        }
        state.apply(e);
      }
    }
    if (more > 0) out.push(`… and ${more} more events`);
    return out;
  }

  /** Alloc step, dealloc step and refcount after each step that changed it (see history.ts). */
  objectHistory(id: ObjId, atStep?: number): ObjectHistory | null {
    return objectHistory(this.events, id, atStep ?? this.stepCount - 1, (i) => this.stepOfEvent(i));
  }

  /** The shortest chain of referrers from a root down to the object, after `step` (see paths.ts). */
  keptAliveBy(id: ObjId, step: number): ReferrerInfo[] | null {
    return rootPath(this.stateAt(step), id);
  }

  /** Objects alive after `step` that only reference cycles keep alive (the cyclic GC's work). */
  cycleOnlyAt(step: number): ObjId[] {
    return unreachableFromRoots(this.stateAt(step));
  }

  /** Live simulated bytes after each step. */
  bytesSeries(): Float64Array {
    return this.bytesAfter.slice();
  }

  gcMarkers(): readonly GcMarker[] {
    return this.gc;
  }

  gilMarkers(): readonly GilMarker[] {
    return this.gil;
  }

  /** Human text for a holder as the heap stood after `atStep`, e.g. "list 0x7f00000a1b20[3]". */
  referrerText(holder: Holder, atStep: number): string {
    this.checkStep(atStep);
    const end = this.stepStart[atStep + 1]!;
    return holderText(holder, {
      frameName: (frame) => this.frameNames.get(frame),
      object: (obj) => this.objectAt(obj, end),
    });
  }

  /** Type and repr of the object at `obj` after `eventIndex` events, without a full replay: O(K). */
  private objectAt(obj: ObjId, eventIndex: number): { type: string; repr: string } | undefined {
    const cp = this.checkpointBefore(eventIndex);
    const rec = cp.objects.get(obj);
    let found: { type: string; repr: string } | undefined = rec && { type: rec.type, repr: rec.repr };
    for (let i = cp.eventIndex; i < eventIndex; i++) {
      const e = this.events.at(i)!;
      if (e.k === 'alloc' && e.obj === obj) found = { type: e.type, repr: e.repr };
      else if (e.k === 'dealloc' && e.obj === obj) found = undefined;
      else if (e.k === 'update' && e.obj === obj && e.repr !== undefined && found) found = { type: found.type, repr: e.repr };
    }
    return found;
  }
}
