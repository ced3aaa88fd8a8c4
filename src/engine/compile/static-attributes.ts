// 3.13's `__static_attributes__`: the names a class body's functions assign as `self.<name>` (the
// parameter's literal name `self`, in any function nested in the class, not in nested classes):
// stores, augmented stores and unpacking targets, not `del`. Measured on 3.13.0: `this.a` does not
// count, `self = this; self.b` does, a staticmethod's `self.f` does. Sorted, as CPython stores them.
import type * as A from '../parse/ast';

export function staticAttributes(classBody: A.Stmt[]): string[] {
  const names = new Set<string>();
  const target = (e: A.Expr | null | undefined): void => {
    if (!e) return;
    if (e.kind === 'Attribute') {
      if (e.value.kind === 'Name' && e.value.id === 'self') names.add(e.attr);
    } else if (e.kind === 'Tuple' || e.kind === 'List') for (const x of e.elts) target(x);
    else if (e.kind === 'Starred') target(e.value);
  };
  /** every node below `n`, stopping at nested classes; stores are looked at inside functions only */
  const walk = (n: unknown, inFunction: boolean): void => {
    if (Array.isArray(n)) {
      for (const x of n) walk(x, inFunction);
      return;
    }
    if (n === null || typeof n !== 'object') return;
    const node = n as { kind?: string };
    if (node.kind === 'ClassDef') return;
    const inside = inFunction || node.kind === 'FunctionDef' || node.kind === 'Lambda';
    if (inside) {
      const s = n as A.Stmt;
      if (s.kind === 'Assign') for (const t of s.targets) target(t);
      else if (s.kind === 'AugAssign' || s.kind === 'AnnAssign' || s.kind === 'For') target(s.target);
      else if (s.kind === 'With') for (const it of s.items) target(it.optionalVars);
    }
    for (const [k, v] of Object.entries(n)) if (k !== 'span' && typeof v === 'object') walk(v, inside);
  };
  for (const s of classBody) if (s.kind !== 'ClassDef') walk(s, false);
  return [...names].sort();
}
