// The text of the CodeLens above a line that allocates or frees: "+2 objects (120 B) · refcount data
// 1→2 · frees 1 list", and the refcount changes of the line's names across its last run.
import type { LineSummary } from '../../engine/api';
import { formatSize, plural, type Localize } from './l10n';
import { findFrame, resolveName } from './lookup';
import { isKeyword, statementLines, type ScannedSource } from './source';
import { runStart, stateAfterRun, stateBefore, type HostTimeline } from './timeline';

export type LensDetail = 'compact' | 'detailed';

export interface RefChange {
  name: string;
  before: number;
  after: number;
}

/** Lines that deserve a lens: they allocated or freed something. */
export function wantsLens(s: LineSummary): boolean {
  return s.hits > 0 && (s.allocs > 0 || s.frees > 0);
}

function typeCounts(types: Record<string, number>): string {
  return Object.entries(types)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([type, n]) => `${n} ${type}`)
    .join(', ');
}

function signedSize(n: number): string {
  return n > 0 ? `+${formatSize(n)}` : n < 0 ? `−${formatSize(-n)}` : '±0 B';
}

/** "+2 objects (+120 B) · refcount data 1→2 · frees 1 list": bytes are the line's net memory change. */
export function lensTitle(s: LineSummary, detail: LensDetail, t: Localize, changes: RefChange[] = []): string {
  const parts: string[] = [];
  if (s.allocs > 0) parts.push(plural(t, s.allocs, '+{n} object', '+{n} objects') + ` (${signedSize(s.memoryDelta)})`);
  else if (s.memoryDelta !== 0) parts.push(signedSize(s.memoryDelta));
  if (detail === 'detailed' && changes.length > 0) {
    parts.push(t('refcount {changes}', { changes: changes.map((c) => `${c.name} ${c.before}→${c.after}`).join(', ') }));
  }
  if (s.frees > 0) parts.push(t('frees {types}', { types: typeCounts(s.freeTypes) || String(s.frees) }));
  if (detail === 'detailed' && s.hits > 1) parts.push(t('ran {n}×', { n: s.hits }));
  return parts.join(' · ');
}

/** Tooltip: the full breakdown. */
export function lensTooltip(s: LineSummary, t: Localize): string {
  const rows = [t('Line {line} ran {n} time(s)', { line: s.line, n: s.hits })];
  if (s.allocs > 0) rows.push(t('allocated: {types} ({size} when allocated)', { types: typeCounts(s.allocTypes), size: formatSize(s.allocBytes) }));
  if (s.frees > 0) rows.push(t('freed: {types} ({size})', { types: typeCounts(s.freeTypes), size: formatSize(s.freeBytes) }));
  rows.push(t('net memory change {delta} · memory after the last run {after}', { delta: signedSize(s.memoryDelta), after: formatSize(s.memoryAfter) }));
  rows.push(t('increfs {i} · decrefs {d}', { i: s.increfs, d: s.decrefs }));
  rows.push(t('Click to open the memory panel at this line\'s last step'));
  return rows.join('\n');
}

/**
 * Names written on the line whose object kept its identity but changed refcount across the line's
 * last run (immortal and interpreter-shared objects left out: their counts mean nothing here).
 */
export function refcountChanges(tl: HostTimeline, src: ScannedSource, s: LineSummary, max = 3): RefChange[] {
  const lines = statementLines(src, s.line);
  const names = new Set<string>();
  src.tokens.forEach((tok, i) => {
    if (tok.kind !== 'name' || !lines.includes(tok.line) || isKeyword(tok.text)) return;
    if (src.tokens[i - 1]?.text === '.') return;
    names.add(tok.text);
  });
  if (names.size === 0) return [];
  const before = stateBefore(tl, runStart(tl, s.line, s.lastStep));
  if (!before) return [];
  const { frame: frameId, firstEvent } = tl.stepInfo(s.lastStep);
  const after = stateAfterRun(tl, firstEvent, frameId).state;
  if (!findFrame(after, frameId)) return [];
  const out: RefChange[] = [];
  for (const name of names) {
    const b = resolveName(before, frameId, name);
    const a = resolveName(after, frameId, name);
    if (!a || !b || a.obj !== b.obj) continue;
    const ob = before.objects.find((o) => o.id === b.obj);
    const oa = after.objects.find((o) => o.id === a.obj);
    if (!ob || !oa || oa.refcount === ob.refcount) continue;
    if (oa.flags.some((f) => f === 'immortal' || f === 'shared' || f === 'small-int')) continue;
    out.push({ name, before: ob.refcount, after: oa.refcount });
    if (out.length >= max) break;
  }
  return out;
}

const teardownCache = new WeakMap<HostTimeline, { line: number; step: number; fix: (s: LineSummary) => LineSummary } | null>();

/**
 * The last line's summary without the interpreter's teardown (the module's globals released after
 * its frame returned, which the trace appends to the last step): that is not the line's doing.
 */
export function withoutTeardown(tl: HostTimeline, s: LineSummary): LineSummary {
  let entry = teardownCache.get(tl);
  if (entry === undefined) {
    entry = teardownOf(tl);
    teardownCache.set(tl, entry);
  }
  return entry && s.lastStep === entry.step && s.line === entry.line ? entry.fix(s) : s;
}

function teardownOf(tl: HostTimeline): { line: number; step: number; fix: (s: LineSummary) => LineSummary } | null {
  const events = tl.events;
  let ret = -1;
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events.at(i)!;
    if (e.k === 'return' && e.frame === 0) {
      ret = i;
      break;
    }
    if (e.k === 'line') return null;
  }
  if (ret < 0 || ret === events.length - 1) return null;
  const last = tl.stepCount - 1;
  const { line } = tl.stepInfo(last);
  const before = tl.stateAfterEvent(ret + 1);
  const after = tl.stateAt(last);
  const objs = new Map(before.objects.map((o) => [o.id, o] as const));
  let allocs = 0;
  let allocBytes = 0;
  let frees = 0;
  let freeBytes = 0;
  const allocTypes: Record<string, number> = {};
  const freeTypes: Record<string, number> = {};
  for (let i = ret + 1; i < events.length; i++) {
    const e = events.at(i)!;
    if (e.k === 'alloc') {
      allocs++;
      allocBytes += e.size;
      allocTypes[e.type] = (allocTypes[e.type] ?? 0) + 1;
      objs.set(e.obj, { id: e.obj, type: e.type, size: e.size, refcount: 0, flags: [], line: e.line, repr: e.repr, gcTracked: false, referrers: [] });
    } else if (e.k === 'dealloc') {
      const o = objs.get(e.obj);
      frees++;
      freeBytes += o?.size ?? 0;
      const type = o?.type ?? '?';
      freeTypes[type] = (freeTypes[type] ?? 0) + 1;
    }
  }
  const sub = (a: Record<string, number>, b: Record<string, number>) => {
    const out: Record<string, number> = {};
    for (const [k, v] of Object.entries(a)) if (v - (b[k] ?? 0) > 0) out[k] = v - (b[k] ?? 0);
    return out;
  };
  const delta = after.liveBytes - before.liveBytes;
  return {
    line,
    step: last,
    fix: (s) => ({
      ...s,
      allocs: Math.max(0, s.allocs - allocs),
      allocBytes: Math.max(0, s.allocBytes - allocBytes),
      frees: Math.max(0, s.frees - frees),
      freeBytes: Math.max(0, s.freeBytes - freeBytes),
      allocTypes: sub(s.allocTypes, allocTypes),
      freeTypes: sub(s.freeTypes, freeTypes),
      memoryDelta: s.memoryDelta - delta,
      memoryAfter: before.liveBytes,
    }),
  };
}
