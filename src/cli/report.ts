// The `pymem report` text: program output, a memory_profiler-style per-line table (hits, memory after,
// increment, allocations, frees, refcount changes), the objects alive at the end with their referrers,
// and totals. Pure: takes a result and its timeline, returns text (the extension reuses it).
import type { LineSummary, ObjectInfo, SimulationResult } from '../engine/api';
import type { Timeline } from '../engine/trace/timeline';

export interface ReportOptions {
  /** most objects listed in "alive at the end" */
  maxObjects?: number;
  /** include objects owned by the interpreter (small ints, interned strings, ...) */
  includeShared?: boolean;
}

export function formatBytes(n: number): string {
  const a = Math.abs(n);
  const s = a < 1024 ? `${a} B` : a < 1024 * 1024 ? `${(a / 1024).toFixed(1)} KiB` : `${(a / 1024 / 1024).toFixed(1)} MiB`;
  return n < 0 ? `-${s}` : s;
}

function pad(s: string, n: number, right = false): string {
  if (s.length >= n) return s;
  return right ? s.padStart(n) : s.padEnd(n);
}

function rule(title: string): string {
  return `── ${title} ${'─'.repeat(Math.max(3, 72 - title.length))}`;
}

export function formatReport(result: SimulationResult, timeline: Timeline | null, source: string, filename = 'program.py', options: ReportOptions = {}): string {
  const out: string[] = [];
  const status =
    result.status === 'ok'
      ? 'finished'
      : result.status === 'exception'
        ? 'ended with an uncaught exception'
        : result.status === 'syntax-error'
          ? 'did not compile (SyntaxError)'
          : result.status === 'unsupported'
            ? 'stopped at a construct the simulator does not support yet'
            : result.status === 'budget'
              ? 'stopped by a budget'
              : result.status;
  out.push(`Python Memory Lens: ${filename} simulated as CPython ${result.version}`);
  out.push(`${status} · ${result.instructions.toLocaleString('en-US')} instructions · ${result.wallTimeMs} ms`);
  for (const d of result.diagnostics) out.push(`  ${d.kind}: ${d.message}`);
  out.push('');
  out.push(rule('Program output'));
  out.push(result.stdout.length ? result.stdout.replace(/\n$/, '') : '(no output)');
  if (result.stderr.trim()) {
    out.push('');
    out.push(rule('Errors'));
    out.push(result.stderr.replace(/\n$/, ''));
  }
  if (!timeline) return out.join('\n') + '\n';

  const lines = source.split(/\r?\n/);
  const sums = [...timeline.lineSummaries().values()].sort((a, b) => a.line - b.line);
  out.push('');
  out.push(rule('Memory by line (like memory_profiler)'));
  const head = `${pad('Line', 5, true)} ${pad('Hits', 6, true)} ${pad('Mem after', 10, true)} ${pad('Increment', 10, true)} ${pad('Allocs', 7, true)} ${pad('Frees', 7, true)} ${pad('+ref', 6, true)} ${pad('-ref', 6, true)}  Source`;
  out.push(head);
  const byLine = new Map<number, LineSummary>(sums.map((s) => [s.line, s]));
  const last = Math.max(0, ...sums.map((s) => s.line));
  for (let ln = 1; ln <= Math.min(lines.length, Math.max(last, 1)); ln++) {
    const s = byLine.get(ln);
    const text = lines[ln - 1] ?? '';
    if (!s) {
      if (text.trim()) out.push(`${pad(String(ln), 5, true)} ${' '.repeat(60)}  ${text}`);
      continue;
    }
    out.push(
      `${pad(String(ln), 5, true)} ${pad(String(s.hits), 6, true)} ${pad(formatBytes(s.memoryAfter), 10, true)} ${pad((s.memoryDelta > 0 ? '+' : '') + formatBytes(s.memoryDelta), 10, true)} ${pad(String(s.allocs), 7, true)} ${pad(String(s.frees), 7, true)} ${pad(String(s.increfs), 6, true)} ${pad(String(s.decrefs), 6, true)}  ${text}`,
    );
  }

  // the program's end: the step before the interpreter's shutdown (a final step on "line 0")
  let finalStep = timeline.stepCount - 1;
  if (finalStep > 0 && timeline.stepInfo(finalStep).line === 0) finalStep--;
  const state = finalStep >= 0 ? timeline.stateAt(finalStep) : null;
  out.push('');
  out.push(rule('Objects alive at the end'));
  if (state) {
    const own = state.objects.filter(
      (o) => options.includeShared || !(o.flags.includes('shared') || o.flags.includes('immortal') || o.flags.includes('small-int') || o.flags.includes('const') || o.type === 'code'),
    );
    const max = options.maxObjects ?? 40;
    if (!own.length) out.push('(none of the program\'s own objects)');
    for (const o of own.slice(0, max)) out.push(formatObject(o));
    if (own.length > max) out.push(`... and ${own.length - max} more`);
  }

  // objgraph's answers: the most common types at the end, and which types grew over the run
  if (state) {
    const own = state.objects.filter((o) => !(o.flags.includes('shared') || o.flags.includes('immortal') || o.flags.includes('small-int') || o.flags.includes('const') || o.type === 'code'));
    const counts = new Map<string, number>();
    for (const o of own) counts.set(o.type, (counts.get(o.type) ?? 0) + 1);
    const growth = new Map<string, number>();
    for (const s of sums) {
      if (s.line <= 0) continue;
      for (const [t, n] of Object.entries(s.allocTypes)) growth.set(t, (growth.get(t) ?? 0) + n);
      for (const [t, n] of Object.entries(s.freeTypes)) growth.set(t, (growth.get(t) ?? 0) - n);
    }
    const top = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 10);
    const grew = [...growth].filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 10);
    out.push('');
    out.push(rule('Most common types at the end (like objgraph.show_most_common_types)'));
    out.push(top.length ? top.map(([t, n]) => `${t.padEnd(24)} ${n}`).join('\n') : '(none)');
    out.push('');
    out.push(rule('Growth over the run (like objgraph.show_growth)'));
    out.push(grew.length ? grew.map(([t, n]) => `${t.padEnd(24)} +${n}`).join('\n') : '(no type grew)');
  }

  const allocs = sums.reduce((n, s) => n + s.allocs, 0);
  const allocBytes = sums.reduce((n, s) => n + s.allocBytes, 0);
  const frees = sums.reduce((n, s) => n + s.frees, 0);
  const freeBytes = sums.reduce((n, s) => n + s.freeBytes, 0);
  const series = timeline.bytesSeries();
  let peak = 0;
  for (let i = 0; i < series.length; i++) if (series[i] > peak) peak = series[i];
  const gcRuns = timeline.gcMarkers().length;
  out.push('');
  out.push(rule('Totals'));
  out.push(`allocated ${allocs.toLocaleString('en-US')} objects (${formatBytes(allocBytes)}), freed ${frees.toLocaleString('en-US')} (${formatBytes(freeBytes)})`);
  out.push(`live at the end: ${formatBytes(state ? state.liveBytes : 0)} · peak: ${formatBytes(peak)} · cyclic GC collections: ${gcRuns}`);
  if (timeline.truncated) out.push('note: the event trace hit its budget; figures cover the recorded prefix of the run');
  return out.join('\n') + '\n';
}

function formatObject(o: ObjectInfo): string {
  const flags = o.flags.length ? ` [${o.flags.join(', ')}]` : '';
  const shown = o.referrers.slice(0, 6).map((r) => (r.count > 1 ? `${r.text} ×${r.count}` : r.text));
  if (o.referrers.length > 6) shown.push(`and ${o.referrers.length - 6} more`);
  const refs = shown.length ? shown.join('; ') : 'no recorded referrers';
  return `0x${o.id.toString(16)}  ${o.type} ${o.repr}  ${formatBytes(o.size)}  refcount ${o.refcount}${flags}  (line ${o.line})\n    held by: ${refs}`;
}
