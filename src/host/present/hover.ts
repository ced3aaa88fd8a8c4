// What a hover on a name says: Markdown built from a Lookup. Refcount, what sys.getrefcount would
// print (immortal objects on 3.12+ print the profile's immortal count; interpreter-shared objects on
// 3.10/3.11 have no knowable count), size, GC state, flags, referrers, allocation line, loop hits.
import type { ObjectInfo, PythonVersion } from '../../engine/api';
import { getProfile } from '../../engine/profiles/index';
import { code, escapeMd, formatSize, plural, type Localize } from './l10n';
import type { Lookup } from './lookup';

export type HoverDetail = 'compact' | 'full';

export interface HoverOptions {
  version: PythonVersion;
  detail: HoverDetail;
  t: Localize;
  /** the line where the simulation stopped early (unsupported construct, budget, exception), if it did */
  stoppedAtLine?: number;
  /** the event trace was cut at the event budget: lines may have run after the recorded part */
  traceTruncated?: boolean;
}

function frameLabel(name: string): string {
  return name.startsWith('<') ? name : name + '()';
}

/** The refcount sentence: the count and what `sys.getrefcount(expr)` prints, or why it cannot be known. */
export function refcountText(obj: ObjectInfo, expr: string, version: PythonVersion, t: Localize): string {
  const profile = getProfile(version);
  const call = code(`sys.getrefcount(${expr})`);
  if (obj.flags.includes('immortal') && profile.immortalObjects) {
    return t('immortal: its refcount never changes · {call} → **{n}**', { call, n: profile.immortalRefcount });
  }
  if (obj.flags.includes('shared') || obj.flags.includes('small-int')) {
    return t('refcount shared with the whole interpreter: not knowable from this file ({call} prints an interpreter-wide count)', { call });
  }
  return t('refcount **{rc}** · {call} → **{n}**', { rc: obj.refcount, call, n: obj.refcount + 1 });
}

export function flagsText(obj: ObjectInfo, t: Localize): string | undefined {
  const names: string[] = [];
  for (const f of obj.flags) {
    if (f === 'small-int') names.push(t('small-int cache'));
    else if (f === 'interned') names.push(t('interned'));
    else if (f === 'immortal') names.push(t('immortal'));
    else if (f === 'shared') names.push(t('shared by the interpreter'));
    else if (f === 'const') names.push(t('constant of a code object'));
  }
  return names.length ? names.join(' · ') : undefined;
}

function gcText(obj: ObjectInfo, t: Localize): string {
  if (!obj.gcTracked) return t('not tracked by the GC');
  if (obj.generation === undefined) return t('GC tracked');
  if (obj.generation === 3) return t('GC tracked, frozen (permanent generation)');
  return t('GC tracked, generation {g}', { g: obj.generation });
}

export function hoverMarkdown(lk: Lookup, opts: HoverOptions): string {
  const { t } = opts;
  const expr = lk.target.path.join('.');
  const title = `**${code(expr)}**`;
  const footer = `*${t('Python Memory Lens · simulated CPython {v}', { v: opts.version })}*`;
  if (lk.kind === 'never-ran') {
    let text = lk.func
      ? t('{title}: {f} was never called, so this parameter was never bound', { title, f: code(frameLabel(lk.func)) })
      : t('{title}: line {line} never ran', { title, line: lk.line });
    if (opts.traceTruncated) {
      text = t('{title}: line {line} did not run within the recorded part of the trace (raise `pythonMemoryLens.budgets.maxEvents` to record more)', { title, line: lk.line });
    } else if (opts.stoppedAtLine !== undefined) text += ' ' + t('(the simulation stopped at line {line})', { line: opts.stoppedAtLine });
    return [text, footer].join('\n\n');
  }
  const runs = lk.hits > 1 ? t('line {line} ran {n} times; showing its last run', { line: lk.line, n: lk.hits }) : undefined;
  if (lk.kind === 'builtin') {
    const text = t('{title} is a builtin: the interpreter owns it, not this file, so its refcount is not knowable here', { title });
    return [text, footer].join('\n\n');
  }
  if (lk.kind === 'not-stored') {
    const text = t('{title}: this {owner} object holds no `{attr}` reference right after line {line} last ran (a method or class attribute is looked up on use)', { title, owner: code(lk.owner), attr: lk.attr, line: lk.line });
    return [text, runs, footer].filter(Boolean).join('\n\n');
  }
  if (lk.kind === 'unbound') {
    const text = t('{title} is not bound right after line {line} last ran (in {frame})', { title, line: lk.line, frame: code(frameLabel(lk.frame)) });
    return [text, runs, footer].filter(Boolean).join('\n\n');
  }
  const o = lk.obj;
  const out: string[] = [];
  out.push(t('{title} → {type} at {addr}', { title, type: code(o.type), addr: code('0x' + o.id.toString(16)) }) + '  \n' + code(o.repr));
  out.push(refcountText(o, expr, opts.version, t));
  out.push(t('size {size} ({call}) · {gc}', { size: formatSize(o.size), call: code('sys.getsizeof'), gc: gcText(o, t) }));
  const flags = flagsText(o, t);
  if (flags) out.push(flags);
  const max = opts.detail === 'full' ? 20 : 4;
  if (o.referrers.length > 0) {
    const shown = o.referrers.slice(0, max).map((r) => escapeMd(r.count > 1 ? `${r.text} ×${r.count}` : r.text));
    const more = o.referrers.length - shown.length;
    const list = shown.join('; ') + (more > 0 ? '; ' + plural(t, more, '+{n} more', '+{n} more') : '');
    out.push(t('referenced by: {list}', { list }));
  } else {
    out.push(t('no referrers recorded'));
  }
  if (lk.keptAliveBy) out.push(t('kept alive by: {chain}', { chain: lk.keptAliveBy.map(escapeMd).join(' → ') }));
  const where = lk.global || lk.frame === '<module>' ? '' : ' ' + t('in {frame}', { frame: code(frameLabel(lk.frame)) });
  out.push(t('allocated at line {line}', { line: o.line }) + (runs ? ' · ' + runs : '') + where);
  if (opts.detail === 'full') out.push(t('step {step} of the simulation', { step: lk.step }));
  out.push(footer);
  return out.join('\n\n');
}
