// The worker side of the simulation protocol: answers SimulateRequest messages on a port with the
// engine's result. Kept apart from src/host/worker.ts (the bundle entry) so tests can serve a fake
// engine through the very same code.
import type { SimulateOptions, SimulationResult } from '../../engine/api';
import { CANCEL_FLAG_INDEX, type HostToWorker, type WorkerToHost } from '../../protocol/worker';
import { encodeLog } from './codec';

export type SimulateFn = (source: string, options: SimulateOptions) => SimulationResult;

/** The part of a MessagePort / parentPort the server needs. */
export interface PortLike {
  on(event: 'message', listener: (msg: HostToWorker) => void): unknown;
  postMessage(msg: WorkerToHost, transfer?: ArrayBuffer[]): void;
}

/** The reply, and the buffers to transfer with it. */
export function handleRequest(req: HostToWorker, simulate: SimulateFn): { reply: WorkerToHost; transfer: ArrayBuffer[] } {
  const flag = new Int32Array(req.cancelBuffer);
  try {
    const result = simulate(req.source, {
      version: req.version,
      filename: req.filename,
      budgets: req.budgets,
      recordEvents: true,
      gcWhatIf: req.gcWhatIf,
      shouldCancel: () => Atomics.load(flag, CANCEL_FLAG_INDEX) === 1,
    });
    const { events, transfer } = encodeLog(result.events);
    return { reply: { type: 'done', requestId: req.requestId, result: { ...result, events: [] }, events }, transfer };
  } catch (e) {
    const err = e instanceof Error ? e : new Error(String(e));
    return { reply: { type: 'failed', requestId: req.requestId, message: err.message, stack: err.stack }, transfer: [] };
  }
}

export function serveSimulations(port: PortLike, simulate: SimulateFn): void {
  port.on('message', (msg) => {
    if (msg.type !== 'simulate') return;
    const { reply, transfer } = handleRequest(msg, simulate);
    port.postMessage(reply, transfer);
  });
}
