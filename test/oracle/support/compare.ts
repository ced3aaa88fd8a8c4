// The oracle's verdict: does one engine result match what real CPython printed for that version?
// Pure (no Node imports) so it can be unit-tested on its own. Rules: stdout equal; CPython exit 0 <->
// status 'ok'; exit 1 <-> status 'exception' or 'syntax-error' with the same last stderr line.
import type { EngineDiagnostic, SimulationStatus } from '../../../src/engine/api';
import { unifiedDiff } from './diff';

/** What the recorder stored for one program under one CPython version. */
export interface RecordedRun {
  stdout: string;
  exit: number;
  /** last non-empty line of stderr ('' when stderr was empty) */
  stderrLast: string;
}

/** The parts of a SimulationResult the oracle looks at. */
export interface EngineOutcome {
  status: SimulationStatus;
  stdout: string;
  stderr: string;
  diagnostics: Pick<EngineDiagnostic, 'kind' | 'message'>[];
}

export interface Verdict {
  ok: boolean;
  /** one line per mismatch, e.g. "status 'unsupported', CPython exited 0" */
  problems: string[];
  /** unified diff of stdout when it differs, else '' */
  stdoutDiff: string;
}

export function lastNonEmptyLine(text: string): string {
  const lines = text.split('\n').map((l) => l.replace(/\r$/, '')).filter((l) => l.trim() !== '');
  return lines.length ? lines[lines.length - 1] : '';
}

const EXCEPTION_STATUSES: readonly SimulationStatus[] = ['exception', 'syntax-error'];

export function judge(expected: RecordedRun, actual: EngineOutcome): Verdict {
  const problems: string[] = [];
  const stdoutDiff = unifiedDiff(expected.stdout, actual.stdout, { expected: 'CPython stdout', actual: 'engine stdout' });
  if (stdoutDiff) problems.push('stdout differs');
  const why = (): string => {
    // the diagnostic that explains the status; 'cycle' and 'alive-at-exit' are only informational
    const d =
      actual.diagnostics.find((x) => x.kind === actual.status) ??
      actual.diagnostics.find((x) => x.kind !== 'cycle' && x.kind !== 'alive-at-exit');
    const tail = lastNonEmptyLine(actual.stderr);
    return d ? ` (${d.kind}: ${d.message})` : tail ? ` (stderr: ${tail})` : '';
  };
  if (expected.exit === 0) {
    if (actual.status !== 'ok') problems.push(`status '${actual.status}', CPython exited 0${why()}`);
  } else if (expected.exit === 1) {
    if (!EXCEPTION_STATUSES.includes(actual.status)) {
      problems.push(`status '${actual.status}', CPython exited 1 with "${expected.stderrLast}"${why()}`);
    } else {
      const last = lastNonEmptyLine(actual.stderr);
      if (last !== expected.stderrLast) {
        problems.push(`last stderr line differs:\n    CPython: ${JSON.stringify(expected.stderrLast)}\n    engine:  ${JSON.stringify(last)}`);
      }
    }
  } else {
    problems.push(`recorded exit code ${expected.exit} is not comparable (only 0 and 1 are)`);
  }
  return { ok: problems.length === 0, problems, stdoutDiff };
}

/** One line saying why a case fails, for known-gaps.json: the first problem, or the first stdout difference. */
export function summarizeVerdict(verdict: Verdict, expectedStdout: string, actualStdout: string): string {
  const rest = verdict.problems.filter((p) => p !== 'stdout differs');
  if (rest.length) return clip(rest[0].replace(/\s+/g, ' '));
  const a = expectedStdout.split('\n');
  const b = actualStdout.split('\n');
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return clip(`stdout line ${i + 1}: CPython ${JSON.stringify(a[i] ?? '<end>')}, engine ${JSON.stringify(b[i] ?? '<end>')}`);
}

function clip(text: string, max = 200): string {
  return text.length <= max ? text : text.slice(0, max - 3) + '...';
}

/** A readable failure message: the problems, then the stdout diff. */
export function describeFailure(title: string, verdict: Verdict): string {
  const parts = [`${title}: ${verdict.problems.join('; ')}`];
  if (verdict.stdoutDiff) parts.push(verdict.stdoutDiff);
  return parts.join('\n');
}
