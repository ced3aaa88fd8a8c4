// How control leaves the evaluation loop abnormally: a raised Python exception (PyRaise), or the
// simulation stopping (unsupported construct, budget, cancellation). These are engine-internal and
// never reach a user as a JavaScript error.
import type { PyException } from '../objects/model';
import type { Span } from '../parse/ast';

/** A Python exception in flight; `exc` is an owned reference. */
export class PyRaise {
  constructor(public exc: PyException) {}
}

export type StopReason =
  | { kind: 'unsupported'; construct: string; span: Span; line: number }
  | { kind: 'budget'; what: 'steps' | 'time' | 'memory' | 'events'; message: string }
  | { kind: 'cancelled' }
  | { kind: 'step-reached' };

export class SimStop {
  constructor(public reason: StopReason) {}
}
