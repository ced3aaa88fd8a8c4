// What the memory panel's host side needs from the rest of the extension: one finished run of a
// document (result + timeline) and a few callbacks into the editor. No vscode import here, so the
// pure builders (session.ts, snapshot.ts, eventlog.ts) can be unit-tested in plain Node.
import type { HeapState, LineSummary, SimulationResult } from '../../engine/api';
import type { GcSimulationView } from '../../protocol/panel';

/**
 * The part of the engine's Timeline (src/engine/trace/timeline.ts) the panel uses. The real Timeline
 * satisfies it structurally; tests pass small fakes.
 */
export interface PanelTimeline {
  readonly stepCount: number;
  stepInfo(step: number): { line: number; frame: number; firstEvent: number; endEvent: number };
  stateAt(step: number): HeapState;
  lineSummaries(): Map<number, LineSummary>;
  stdoutAt(step: number): string;
}

/** One finished simulation of one version of a document. */
export interface PanelRun {
  /** document uri as a string (vscode.Uri.toString()) */
  uri: string;
  /** shown in the panel's title, e.g. "cycle.py" */
  fileName: string;
  documentVersion: number;
  result: SimulationResult;
  timeline: PanelTimeline;
  /** the document's text (for the per-line table); optional */
  source?: string;
  /** gc.get_threshold() of the simulated version; defaults from the version when absent */
  gcThresholds?: [number, number, number];
}

export interface Unsubscribe {
  dispose(): void;
}

/** Supplied by the extension (src/host) when it opens or restores the panel. */
export interface PanelDataSource {
  /** the run the panel should show now (latest finished run of the panel's document), if any */
  currentRun(): PanelRun | undefined;
  /** called whenever currentRun() or isBusy() may have changed */
  onDidChange(listener: () => void): Unsubscribe;
  /** true while a simulation of the panel's document is running */
  isBusy?(): boolean;
  /** highlight `line` of the document in its visible editor while scrubbing (null clears) */
  highlightLine(uri: string, line: number | null): void;
  /** reveal and select `line` in an editor (the user clicked a line reference in the panel) */
  revealLine(uri: string, line: number): void;
  /**
   * "Simulate gc.collect" asked from inside the panel. Resolve to the simulation, or to a sentence
   * saying why it is not available. Absent = not available.
   */
  simulateGc?(run: PanelRun, step: number, generation: number): Promise<GcSimulationView | string>;
}
