// Editor diagnostics from a simulation: the engine's own diagnostics mapped to Information or Hint
// (never errors: nothing here is wrong with the user's code as Python), plus one synthesized from the
// run's status when the engine stopped early without saying where.
import type { EngineDiagnostic, SimulationResult, SourceRange } from '../../engine/api';
import type { Localize } from './l10n';

export type Severity = 'information' | 'hint';

export interface PresentedDiagnostic {
  severity: Severity;
  message: string;
  range: SourceRange;
  /** the engine diagnostic kind, used as the diagnostic's code */
  code: EngineDiagnostic['kind'];
}

const SEVERITY: Record<EngineDiagnostic['kind'], Severity> = {
  'syntax-error': 'information', // Pylance already reports it as an error
  unsupported: 'information',
  budget: 'information',
  exception: 'information',
  'internal-error': 'information',
  cycle: 'information',
  'alive-at-exit': 'hint',
};

const STOP_KINDS: Partial<Record<SimulationResult['status'], EngineDiagnostic['kind']>> = {
  'syntax-error': 'syntax-error',
  unsupported: 'unsupported',
  budget: 'budget',
  exception: 'exception',
  'internal-error': 'internal-error',
};

function prefix(kind: EngineDiagnostic['kind'], t: Localize): string {
  switch (kind) {
    case 'syntax-error':
      return t('Not simulated: ');
    case 'unsupported':
      return t('Simulation stopped here: ');
    case 'budget':
      return t('Simulation budget exhausted: ');
    case 'exception':
      return t('Uncaught exception in the simulation: ');
    case 'internal-error':
      return t('Simulator error: ');
    case 'cycle':
      return t('Freed only by the cyclic GC: ');
    case 'alive-at-exit':
      return t('Still alive at exit: ');
  }
}

export function presentDiagnostics(result: SimulationResult, t: Localize, lastLine = 1): PresentedDiagnostic[] {
  const out: PresentedDiagnostic[] = result.diagnostics.map((d) => ({
    severity: SEVERITY[d.kind],
    message: prefix(d.kind, t) + d.message,
    range: d.range,
    code: d.kind,
  }));
  const stopKind = STOP_KINDS[result.status];
  if (stopKind && !result.diagnostics.some((d) => d.kind === stopKind)) {
    const text = result.stderr.trim().split('\n').pop() || result.status;
    const line = Math.max(1, lastLine);
    out.push({ severity: 'information', message: prefix(stopKind, t) + text, range: { startLine: line, startCol: 0, endLine: line, endCol: 0 }, code: stopKind });
  }
  return out;
}
