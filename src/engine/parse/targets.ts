// Validates assignment, deletion, augmented-assignment and walrus targets with CPython's messages
// ("cannot assign to literal", "cannot delete function call", "'tuple' is an illegal expression for
// augmented assignment", ...). Names follow _PyPegen_get_expr_name in CPython's Parser/pegen.c.
import type { Expr } from './ast';
import { LowerError } from './cst';

export function exprName(e: Expr): string {
  switch (e.kind) {
    case 'Attribute': return 'attribute';
    case 'Subscript': return 'subscript';
    case 'Starred': return 'starred';
    case 'Name': return 'name';
    case 'List': return 'list';
    case 'Tuple': return 'tuple';
    case 'Lambda': return 'lambda';
    case 'Call': return 'function call';
    case 'BoolOp': case 'BinOp': case 'UnaryOp': return 'expression';
    case 'GeneratorExp': return 'generator expression';
    case 'Yield': case 'YieldFrom': return 'yield expression';
    case 'Await': return 'await expression';
    case 'ListComp': return 'list comprehension';
    case 'SetComp': return 'set comprehension';
    case 'DictComp': return 'dict comprehension';
    case 'Dict': return 'dict literal';
    case 'Set': return 'set display';
    case 'JoinedStr': case 'FormattedValue': return 'f-string expression';
    case 'Constant': {
      const v = e.value;
      if (v.type === 'None') return 'None';
      if (v.type === 'bool') return v.value ? 'True' : 'False';
      if (v.type === 'Ellipsis') return 'ellipsis';
      return 'literal';
    }
    case 'Compare': return 'comparison';
    case 'IfExp': return 'conditional expression';
    case 'NamedExpr': return 'named expression';
    default: return 'expression';
  }
}

export type TargetUse = 'assign' | 'assign-here' | 'del' | 'for' | 'with';

/**
 * Checks a store/delete target. `assign-here` is the first target of `x = ...` statements, for which
 * CPython adds "here. Maybe you meant '==' instead of '='?" when the target itself is invalid.
 */
export function checkTarget(e: Expr, use: TargetUse, top = true): void {
  switch (e.kind) {
    case 'Name':
      if (e.id === '__debug__') throw new LowerError(use === 'del' ? 'cannot delete __debug__' : 'cannot assign to __debug__', e);
      return;
    case 'Attribute':
    case 'Subscript':
      return;
    case 'Starred':
      if (use === 'del') throw new LowerError('cannot delete starred', e);
      if (top) throw new LowerError('starred assignment target must be in a list or tuple', e);
      checkTarget(e.value, use, false);
      return;
    case 'Tuple':
    case 'List': {
      let stars = 0;
      for (const x of e.elts) {
        if (x.kind === 'Starred' && ++stars > 1 && use !== 'del') throw new LowerError('multiple starred expressions in assignment', e);
      }
      for (const x of e.elts) checkTarget(x, use === 'assign-here' ? 'assign' : use, false);
      return;
    }
    default: {
      const what = exprName(e);
      if (use === 'del') throw new LowerError(`cannot delete ${what}`, e);
      if (use === 'assign-here' && top && !(e.kind === 'Constant' && (e.value.type === 'None' || e.value.type === 'bool')))
        throw new LowerError(`cannot assign to ${what} here. Maybe you meant '==' instead of '='?`, e);
      throw new LowerError(`cannot assign to ${what}`, e);
    }
  }
}

export function checkAugTarget(e: Expr): void {
  if (e.kind === 'Name' || e.kind === 'Attribute' || e.kind === 'Subscript') {
    checkTarget(e, 'assign');
    return;
  }
  throw new LowerError(`'${exprName(e)}' is an illegal expression for augmented assignment`, e);
}

export function checkNamedTarget(e: Expr): void {
  if (e.kind === 'Name') return;
  throw new LowerError(`cannot use assignment expressions with ${exprName(e)}`, e);
}
