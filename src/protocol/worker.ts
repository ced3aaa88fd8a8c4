// Messages between the extension host and its simulation worker (src/host/worker.ts). Types only:
// everything here is plain data that crosses `postMessage` by structured clone.
import type { Budgets, PythonVersion, SimulationResult } from '../engine/api';
import type { Chunk, Extras } from '../engine/trace/log';

/** Index of the cancel flag inside the request's shared Int32Array (1 = cancel requested). */
export const CANCEL_FLAG_INDEX = 0;

/** Host → worker: simulate one document version. */
export interface SimulateRequest {
  type: 'simulate';
  requestId: number;
  source: string;
  /** the CPython profile to simulate */
  version: PythonVersion;
  budgets: Partial<Budgets>;
  filename: string;
  /** run up to a step and report what gc.collect() would do there (SimulateOptions.gcWhatIf) */
  gcWhatIf?: { step?: number; generation?: number };
  /**
   * A SharedArrayBuffer holding one Int32; the host sets it to 1 to cancel the run. The worker polls
   * it through SimulateOptions.shouldCancel, so cancelling does not need to tear the worker down.
   */
  cancelBuffer: SharedArrayBuffer;
}

export type HostToWorker = SimulateRequest;

/**
 * The event stream in transfer form (src/host/simulation/codec.ts): numbers in a Float64Array whose
 * buffer is transferred, not copied, plus the distinct strings.
 */
export interface EncodedEvents {
  count: number;
  nums: Float64Array;
  strings: string[];
}

/**
 * The event log as it crosses to the host: the EventLog's typed-array chunks (transferred, not
 * copied), its string table and alloc reprs, and its other events in the compact encoding above.
 */
export interface TransferredEvents {
  count: number;
  chunks: Chunk[];
  strings: string[];
  texts: string[];
  extras: Extras;
  boxed: EncodedEvents;
}

/** Worker → host: the run finished (status 'cancelled' included). `result.events` is empty: see `events`. */
export interface SimulateDone {
  type: 'done';
  requestId: number;
  result: SimulationResult;
  events: TransferredEvents;
}

/** Worker → host: simulate() itself threw. The worker stays usable. */
export interface SimulateFailed {
  type: 'failed';
  requestId: number;
  message: string;
  stack?: string;
}

export type WorkerToHost = SimulateDone | SimulateFailed;
