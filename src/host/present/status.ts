// The status bar item's text and tooltip for a document's simulation state.
import type { ObjectInfo, SimulationResult } from '../../engine/api';
import { formatSize, plural, type Localize } from './l10n';

export type StatusInput =
  | { kind: 'running' }
  | { kind: 'stale' } // the document changed; a new run is pending or live update is off
  | { kind: 'crashed'; message: string }
  | { kind: 'done'; result: SimulationResult; stopLine?: number; /** live objects when the program finished (before interpreter teardown); default result.finalObjects */ live?: ObjectInfo[] };

export interface StatusView {
  text: string;
  tooltip: string;
  /** 'warning' / 'error' backgrounds for stopped runs and crashes */
  tone: 'normal' | 'warning' | 'error';
}

/** Objects of the program's own (interpreter-shared, immortal and small-int cache objects left out). */
export function ownObjects(objs: ObjectInfo[]): ObjectInfo[] {
  return objs.filter((o) => !o.flags.some((f) => f === 'shared' || f === 'immortal' || f === 'small-int'));
}

export function statusView(s: StatusInput, t: Localize): StatusView {
  switch (s.kind) {
    case 'running':
      return { text: '$(sync~spin) ' + t('Memory: simulating…'), tooltip: t('Python Memory Lens is simulating this file'), tone: 'normal' };
    case 'stale':
      return { text: '$(history) ' + t('Memory: out of date'), tooltip: t('The file changed since the last simulation'), tone: 'normal' };
    case 'crashed':
      return { text: '$(error) ' + t('Memory: error'), tooltip: t('The simulation failed: {message}', { message: s.message }), tone: 'error' };
    case 'done': {
      const r = s.result;
      const own = ownObjects(s.live ?? r.finalObjects);
      const bytes = own.reduce((a, o) => a + o.size, 0);
      const count = plural(t, own.length, '{n} object', '{n} objects');
      const tip = [
        t('CPython {v} · {count} alive when the program finished ({size})', { v: r.version, count, size: formatSize(bytes) }),
        t('{n} instructions in {ms} ms', { n: r.instructions, ms: Math.round(r.wallTimeMs) }),
      ];
      if (r.eventsTruncated) tip.push(t('The event trace was truncated: later steps are not shown'));
      const at = s.stopLine !== undefined ? s.stopLine : '?';
      switch (r.status) {
        case 'ok':
          return { text: '$(pulse) ' + t('Memory: {count}', { count }), tooltip: tip.join('\n'), tone: 'normal' };
        case 'exception':
          return { text: '$(warning) ' + t('Memory: exception at line {line} · {count}', { line: at, count }), tooltip: [r.stderr.trim(), ...tip].join('\n'), tone: 'warning' };
        case 'unsupported':
          return { text: '$(warning) ' + t('Memory: stopped at line {line}', { line: at }), tooltip: tip.join('\n'), tone: 'warning' };
        case 'budget':
          return { text: '$(watch) ' + t('Memory: budget hit at line {line}', { line: at }), tooltip: tip.join('\n'), tone: 'warning' };
        case 'syntax-error':
          return { text: '$(warning) ' + t('Memory: syntax error at line {line}', { line: at }), tooltip: r.stderr.trim(), tone: 'warning' };
        case 'cancelled':
          return { text: '$(circle-slash) ' + t('Memory: cancelled'), tooltip: tip.join('\n'), tone: 'normal' };
        case 'internal-error':
          return { text: '$(error) ' + t('Memory: simulator error'), tooltip: r.stderr.trim(), tone: 'error' };
      }
    }
  }
}

/** The line where a run stopped early: from its stop diagnostic, else undefined. */
export function stopLineOf(r: SimulationResult): number | undefined {
  const kinds = ['unsupported', 'budget', 'exception', 'syntax-error', 'internal-error'];
  return r.diagnostics.find((d) => kinds.includes(d.kind))?.range.startLine;
}
