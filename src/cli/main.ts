// The `pymem` command: `pymem run FILE` prints what the program would print under the chosen CPython
// profile; `pymem report FILE` adds the memory report. Exit codes: 0 ok, 1 simulated uncaught
// exception or SyntaxError, 2 usage error, 3 unsupported construct, 4 budget exhausted.
import { readFileSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { PYTHON_VERSIONS, simulate, type PythonVersion, type SimulationResult } from '../engine/index';
import { Timeline } from '../engine/trace/timeline';
import { formatReport } from './report';

const USAGE = `usage: pymem run FILE [--python 3.10|3.11|3.12|3.13] [--max-steps N] [--max-time-ms N] [--json | --trace]
       pymem report FILE [--python 3.10|3.11|3.12|3.13] [--max-steps N] [--max-time-ms N]

  run      print what the program prints under that CPython (simulated, nothing is executed)
  report   program output, then memory per line, objects alive at the end, totals
  --json   (run) write the event stream and summaries as JSON instead (schema: docs/events.md)
  --trace  (run) record the full event stream, as the extension does, and summarize it on stderr
  --max-steps N   instruction budget, 0 = no limit (default 20,000,000)
  --max-time-ms N wall-time budget in milliseconds, 0 = no limit (default 5,000)
  --max-events N  events kept in the trace, 0 = no limit (default 3,000,000)
`;

const MAX_FILE = 5 * 1024 * 1024;

interface Args {
  cmd: 'run' | 'report';
  file: string;
  version: PythonVersion;
  maxSteps?: number;
  maxTimeMs?: number;
  maxEvents?: number;
  json: boolean;
  trace: boolean;
}

class UsageError extends Error {}

function parseArgs(argv: string[]): Args {
  const [cmd, ...rest] = argv;
  if (cmd === '-h' || cmd === '--help' || cmd === 'help') {
    process.stdout.write(USAGE);
    process.exit(0);
  }
  if (cmd !== 'run' && cmd !== 'report') throw new UsageError(cmd ? `unknown command '${cmd}'` : 'missing command');
  let file: string | undefined;
  let version: PythonVersion = '3.12';
  let maxSteps: number | undefined;
  let maxTimeMs: number | undefined;
  let maxEvents: number | undefined;
  let json = false;
  let trace = false;
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (a === '--python' || a.startsWith('--python=')) {
      const v = a.includes('=') ? a.split('=')[1] : rest[++i];
      if (!PYTHON_VERSIONS.includes(v as PythonVersion)) throw new UsageError(`--python must be one of ${PYTHON_VERSIONS.join(', ')}`);
      version = v as PythonVersion;
    } else if (a === '--max-steps' || a.startsWith('--max-steps=')) {
      const v = a.includes('=') ? a.split('=')[1] : rest[++i];
      const n = Number(v);
      if (!Number.isInteger(n) || n < 0) throw new UsageError('--max-steps takes a whole number (0 = no limit)');
      maxSteps = n;
    } else if (a === '--max-time-ms' || a.startsWith('--max-time-ms=')) {
      const v = a.includes('=') ? a.split('=')[1] : rest[++i];
      const n = Number(v);
      if (!Number.isInteger(n) || n < 0) throw new UsageError('--max-time-ms takes a whole number (0 = no limit)');
      maxTimeMs = n;
    } else if (a === '--max-events' || a.startsWith('--max-events=')) {
      const v = a.includes('=') ? a.split('=')[1] : rest[++i];
      const n = Number(v);
      if (!Number.isInteger(n) || n < 0) throw new UsageError('--max-events takes a whole number (0 = no limit)');
      maxEvents = n;
    } else if (a === '--json') json = true;
    else if (a === '--trace') trace = true;
    else if (a.startsWith('-')) throw new UsageError(`unknown option '${a}'`);
    else if (!file) file = a;
    else throw new UsageError(`unexpected argument '${a}'`);
  }
  if (!file) throw new UsageError('missing FILE');
  if ((json || trace) && cmd !== 'run') throw new UsageError('--json and --trace go with run');
  return { cmd, file, version, maxSteps, maxTimeMs, maxEvents, json, trace };
}

export function exitCodeOf(r: SimulationResult): number {
  switch (r.status) {
    case 'ok':
      return 0;
    case 'exception':
    case 'syntax-error':
      return 1;
    case 'unsupported':
      return 3;
    case 'budget':
    case 'cancelled':
      return 4;
    default:
      return 5;
  }
}

function main(argv: string[]): number {
  let args: Args;
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`pymem: ${e.message}\n${USAGE}`);
      return 2;
    }
    throw e;
  }
  let source: string;
  try {
    const st = statSync(args.file);
    if (!st.isFile()) throw new Error('not a file');
    if (st.size > MAX_FILE) {
      process.stderr.write(`pymem: ${args.file} is ${st.size} bytes; files over ${MAX_FILE} bytes are not simulated\n`);
      return 2;
    }
    source = readFileSync(args.file, 'utf8');
  } catch {
    process.stderr.write(`pymem: cannot read '${args.file}'\n`);
    return 2;
  }
  const record = args.cmd === 'report' || args.json || args.trace;
  const result = simulate(source, {
    version: args.version,
    filename: resolve(args.file), // CPython 3.9+ makes the script's path absolute (co_filename, tracebacks)
    recordEvents: record,
    budgets: {
      ...(args.maxSteps !== undefined ? { maxSteps: args.maxSteps } : {}),
      ...(args.maxTimeMs !== undefined ? { maxTimeMs: args.maxTimeMs } : {}),
      ...(args.maxEvents !== undefined ? { maxEvents: args.maxEvents === 0 ? Number.MAX_SAFE_INTEGER : args.maxEvents } : {}),
    },
  });
  if (args.cmd === 'run' && !args.json) {
    process.stdout.write(result.stdout);
    process.stderr.write(result.stderr);
    if (args.trace)
      process.stderr.write(
        `pymem: ${result.instructions.toLocaleString('en-US')} instructions, ${result.events.length.toLocaleString('en-US')} events recorded${result.eventsTruncated ? ' (event budget reached)' : ''}, ${result.wallTimeMs} ms\n`,
      );
    return exitCodeOf(result);
  }
  const timeline = record ? new Timeline(result.events, { truncated: result.eventsTruncated }) : null;
  if (args.json) {
    const summaries = timeline ? [...timeline.lineSummaries().values()].sort((a, b) => a.line - b.line) : [];
    const { events, ...rest } = result;
    process.stdout.write(JSON.stringify({ ...rest, lineSummaries: summaries, events }) + '\n');
    return exitCodeOf(result);
  }
  process.stdout.write(formatReport(result, timeline, source, basename(args.file)));
  return exitCodeOf(result);
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (e) {
  process.stderr.write(`pymem: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 5;
}
