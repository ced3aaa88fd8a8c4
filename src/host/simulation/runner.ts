// Runs simulations on a small pool of worker threads. Each run can be cancelled: first politely
// (a shared flag the engine polls), then, if the engine does not stop within a grace period, by
// terminating its worker. A worker that crashes or runs out of memory fails only its own run.
import { Worker, type WorkerOptions } from 'node:worker_threads';
import type { Budgets, PythonVersion, SimulationResult } from '../../engine/api';
import { CANCEL_FLAG_INDEX, type SimulateRequest, type WorkerToHost } from '../../protocol/worker';
import { Timeline } from '../../engine/trace/timeline';
import { decodeLog } from './codec';

export interface RunRequest {
  source: string;
  version: PythonVersion;
  budgets: Partial<Budgets>;
  filename: string;
  /** "what would gc.collect() do after this step" (SimulateOptions.gcWhatIf) */
  gcWhatIf?: { step?: number; generation?: number };
}

export type RunOutcome =
  /** `timeline`: built in slices on the host thread for a run with events (not for what-if runs) */
  | { kind: 'result'; result: SimulationResult; timeline?: Timeline }
  | { kind: 'cancelled' }
  | { kind: 'crashed'; message: string };

export interface RunHandle {
  readonly done: Promise<RunOutcome>;
  cancel(): void;
}

/** What the SimulationService needs: lets tests substitute a fake. */
export interface SimulationRunner {
  run(req: RunRequest): RunHandle;
  dispose(): void;
}

export interface WorkerRunnerOptions {
  /** path of the worker script (dist/worker.js in the extension) */
  script: string;
  maxWorkers?: number;
  /** after a cancel, how long the engine may take to notice before its worker is terminated */
  cancelGraceMs?: number;
  workerOptions?: WorkerOptions;
}

interface Job {
  id: number;
  req: RunRequest;
  flag: Int32Array;
  buffer: SharedArrayBuffer;
  cancelRequested: boolean;
  settled: boolean;
  resolve: (o: RunOutcome) => void;
  slot?: Slot;
  graceTimer?: ReturnType<typeof setTimeout>;
}

interface Slot {
  worker: Worker;
  job: Job | null;
  dead: boolean;
}

export class WorkerRunner implements SimulationRunner {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private nextId = 1;
  private disposed = false;
  private readonly maxWorkers: number;
  private readonly graceMs: number;

  constructor(private readonly options: WorkerRunnerOptions) {
    this.maxWorkers = Math.max(1, options.maxWorkers ?? 2);
    this.graceMs = options.cancelGraceMs ?? 750;
  }

  run(req: RunRequest): RunHandle {
    const buffer = new SharedArrayBuffer(4);
    let resolve!: (o: RunOutcome) => void;
    const done = new Promise<RunOutcome>((r) => (resolve = r));
    const job: Job = { id: this.nextId++, req, buffer, flag: new Int32Array(buffer), cancelRequested: false, settled: false, resolve };
    if (this.disposed) this.settle(job, { kind: 'cancelled' });
    else {
      this.queue.push(job);
      this.pump();
    }
    return { done, cancel: () => this.cancel(job) };
  }

  /** Number of live worker threads (for tests and diagnostics). */
  get workerCount(): number {
    return this.slots.length;
  }

  dispose(): void {
    this.disposed = true;
    for (const job of this.queue.splice(0)) this.settle(job, { kind: 'cancelled' });
    for (const slot of this.slots.splice(0)) {
      slot.dead = true;
      if (slot.job) this.settle(slot.job, { kind: 'cancelled' });
      void slot.worker.terminate();
    }
  }

  private cancel(job: Job): void {
    if (job.settled || job.cancelRequested) return;
    job.cancelRequested = true;
    const queued = this.queue.indexOf(job);
    if (queued >= 0) {
      this.queue.splice(queued, 1);
      this.settle(job, { kind: 'cancelled' });
      return;
    }
    Atomics.store(job.flag, CANCEL_FLAG_INDEX, 1);
    job.graceTimer = setTimeout(() => {
      const slot = job.slot;
      if (job.settled || !slot) return;
      // The engine did not poll the flag in time: tear its worker down.
      this.killSlot(slot);
      this.settle(job, { kind: 'cancelled' });
      this.pump();
    }, this.graceMs);
  }

  private pump(): void {
    while (this.queue.length > 0 && !this.disposed) {
      let slot = this.slots.find((s) => !s.job && !s.dead);
      if (!slot) {
        if (this.slots.length >= this.maxWorkers) return;
        slot = this.spawn();
      }
      const job = this.queue.shift()!;
      job.slot = slot;
      slot.job = job;
      const msg: SimulateRequest = { type: 'simulate', requestId: job.id, cancelBuffer: job.buffer, ...job.req };
      slot.worker.postMessage(msg);
    }
  }

  private spawn(): Slot {
    const worker = new Worker(this.options.script, {
      resourceLimits: { maxOldGenerationSizeMb: 2048 },
      ...this.options.workerOptions,
    });
    const slot: Slot = { worker, job: null, dead: false };
    worker.unref();
    worker.on('message', (msg: WorkerToHost) => this.onMessage(slot, msg));
    worker.on('error', (err: Error) => this.onDeath(slot, describeError(err)));
    worker.on('exit', (code: number) => this.onDeath(slot, `the simulation worker exited (code ${code})`));
    this.slots.push(slot);
    return slot;
  }

  private onMessage(slot: Slot, msg: WorkerToHost): void {
    const job = slot.job;
    if (!job || job.id !== msg.requestId) return;
    slot.job = null;
    if (job.cancelRequested) this.settle(job, { kind: 'cancelled' });
    else if (msg.type === 'done') {
      let result: SimulationResult | undefined;
      try {
        result = { ...msg.result, events: decodeLog(msg.events) };
      } catch (e) {
        this.settle(job, { kind: 'crashed', message: `the simulation's event stream could not be read: ${e instanceof Error ? e.message : String(e)}` });
      }
      if (result) {
        // the worker is free for the next run while this thread builds the timeline in slices
        job.slot = undefined;
        void this.withTimeline(job, result);
      }
    }
    else this.settle(job, { kind: 'crashed', message: msg.message });
    this.pump();
  }

  /**
   * Settles a finished run once its timeline is built: in slices of ~12 ms with the event loop free
   * in between, so a 3 M-event trace never holds the extension host for the second a one-go build
   * takes. A cancel during the build settles the run as cancelled.
   */
  private async withTimeline(job: Job, result: SimulationResult): Promise<void> {
    if (job.req.gcWhatIf || result.events.length === 0) {
      this.settle(job, { kind: 'result', result });
      return;
    }
    try {
      const timeline = await Timeline.buildInSlices(result.events, { truncated: result.eventsTruncated }, {
        pause: () => new Promise<void>((resolve) => setImmediate(resolve)),
        cancelled: () => job.cancelRequested || this.disposed,
      });
      this.settle(job, timeline ? { kind: 'result', result, timeline } : { kind: 'cancelled' });
    } catch (e) {
      this.settle(job, { kind: 'crashed', message: `the simulation's timeline could not be built: ${e instanceof Error ? e.message : String(e)}` });
    }
  }

  private onDeath(slot: Slot, message: string): void {
    const wasDead = slot.dead;
    this.killSlot(slot);
    const job = slot.job;
    slot.job = null;
    if (job && !wasDead) this.settle(job, job.cancelRequested ? { kind: 'cancelled' } : { kind: 'crashed', message });
    this.pump();
  }

  private killSlot(slot: Slot): void {
    if (!slot.dead) {
      slot.dead = true;
      void slot.worker.terminate();
    }
    const i = this.slots.indexOf(slot);
    if (i >= 0) this.slots.splice(i, 1);
  }

  private settle(job: Job, outcome: RunOutcome): void {
    if (job.settled) return;
    job.settled = true;
    if (job.graceTimer) clearTimeout(job.graceTimer);
    if (job.slot && job.slot.job === job) job.slot.job = null;
    job.resolve(outcome);
  }
}

function describeError(err: Error): string {
  const code = (err as Error & { code?: unknown }).code;
  if (code === 'ERR_WORKER_OUT_OF_MEMORY') return 'the simulation ran out of memory in its worker';
  return `the simulation worker crashed: ${err.message}`;
}
