// The part of the engine's Timeline (src/engine/trace/timeline.ts) the editor features read, and the
// questions they ask of it: where a line's run ends (its frame's next line, or the frame's return),
// the heap right after that run, right before it, and when the program finished. The real Timeline
// satisfies HostTimeline structurally.
import type { HeapState, LineSummary } from '../../engine/api';
import type { EventSeq } from '../../engine/trace/log';

export interface StepInfo {
  line: number;
  frame: number;
  /** index of the step's first event (its `line` event) */
  firstEvent: number;
  /** index one past the step's last event */
  endEvent: number;
}

export interface HostTimeline {
  readonly stepCount: number;
  readonly events: EventSeq;
  stepInfo(step: number): StepInfo;
  stepsOfLine(line: number): readonly number[];
  /** the heap once every event of `step` has been applied */
  stateAt(step: number): HeapState;
  /** the heap after the first `eventIndex` events */
  stateAfterEvent(eventIndex: number): HeapState;
  lineSummaries(): Map<number, LineSummary>;
}

/** Where one run of a line in `frame` ends: an event index (exclusive) and whether the frame returned. */
export interface RunEnd {
  index: number;
  returned: boolean;
}

/**
 * The end of the run of a line whose `line` event is at `from` in `frame`: the next `line` event of
 * the same frame, or the frame's `return` (nested calls in between belong to the run), or the end
 * of the trace.
 */
export function runEnd(tl: HostTimeline, from: number, frame: number): RunEnd {
  const events = tl.events;
  for (let i = from + 1; i < events.length; i++) {
    const e = events.at(i)!;
    if (e.k === 'line' && e.frame === frame && !e.resume) return { index: i, returned: false };
    if (e.k === 'return' && e.frame === frame) return { index: i, returned: true };
  }
  return { index: events.length, returned: false };
}

/**
 * For a run that ended with its frame's `return` at `ret`: the event index where the frame's
 * teardown began, i.e. before the run of reference drops (locals released) that precedes `return`.
 */
export function teardownStart(tl: HostTimeline, from: number, ret: number): number {
  let u = ret;
  while (u > from + 1) {
    const e = tl.events.at(u - 1)!;
    const teardown =
      e.k === 'decref' || e.k === 'dealloc' || e.k === 'update' ||
      (e.k === 'incref' && (e.holder === undefined || e.holder.kind === 'temporary' || e.holder.kind === 'stack'));
    if (!teardown) break;
    u--;
  }
  return u;
}

/**
 * The heap right after a line's run in `frame` that starts at event `from`: before the frame's next
 * line, or, if the frame returned, just before its teardown.
 */
export function stateAfterRun(tl: HostTimeline, from: number, frame: number): { state: HeapState; end: RunEnd } {
  const end = runEnd(tl, from, frame);
  return { state: tl.stateAfterEvent(end.returned ? teardownStart(tl, from, end.index) : end.index), end };
}

/** The heap when the program finished: after its last line, before the module frame's teardown. */
export function stateAtProgramEnd(tl: HostTimeline): HeapState {
  const events = tl.events;
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events.at(i)!;
    if (e.k === 'return' && e.frame === 0) return tl.stateAfterEvent(teardownStart(tl, 0, i));
  }
  return tl.stateAt(tl.stepCount - 1);
}

/** The heap right before `step` ran (the end of the previous step), or undefined for step 0. */
export function stateBefore(tl: HostTimeline, step: number): HeapState | undefined {
  return step > 0 ? tl.stateAt(step - 1) : undefined;
}

/**
 * The first step of the run of a line that ended at `lastStep`: a line that calls a function is
 * resumed (a new step, same run) when the call returns.
 */
export function runStart(tl: HostTimeline, line: number, lastStep: number): number {
  const steps = tl.stepsOfLine(line);
  for (let i = steps.length - 1; i >= 0; i--) {
    const s = steps[i]!;
    if (s > lastStep) continue;
    const e = tl.events.at(tl.stepInfo(s).firstEvent);
    if (!(e && e.k === 'line' && e.resume)) return s;
  }
  return lastStep;
}

