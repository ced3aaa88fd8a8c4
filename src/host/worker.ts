// Entry of the simulation worker thread (bundled by esbuild to dist/worker.js): runs the engine off
// the extension host's thread so a long simulation never blocks the editor.
import { parentPort } from 'node:worker_threads';
import { simulate } from '../engine/index';
import { serveSimulations } from './simulation/serve';

if (!parentPort) throw new Error('dist/worker.js must run as a worker thread');
serveSimulations(parentPort, simulate);
