// The symbol table (CPython's symtable.c in small): for every scope, which names are local, global,
// free (from an enclosing function) or cells (captured by an inner scope).
import type * as A from '../parse/ast';
import { mangle } from './mangle';

export type ScopeKind = 'module' | 'function' | 'class' | 'lambda' | 'comprehension';

export class Scope {
  /** names bound in this scope */
  bound = new Set<string>();
  used = new Set<string>();
  params: string[] = [];
  explicitGlobal = new Set<string>();
  nonlocal = new Set<string>();
  children: Scope[] = [];
  /** resolved after analysis */
  cells = new Set<string>();
  frees = new Set<string>();
  isGenerator = false;
  needsClassCell = false;
  /** the class whose name mangles private names here (CPython's st_private): the innermost enclosing class body */
  readonly private: string | null;
  constructor(public kind: ScopeKind, public name: string, public parent: Scope | null, public node: A.Node | null) {
    this.private = kind === 'class' ? name : (parent?.private ?? null);
  }

  /** `name` as stored in this scope (private names mangled) */
  mangle(name: string): string {
    return mangle(this.private, name);
  }

  /** how a name is accessed from this scope */
  resolve(name: string): 'fast' | 'cell' | 'free' | 'global' | 'name' {
    if (this.kind === 'module') return 'name';
    if (this.explicitGlobal.has(name)) return 'global';
    if (this.kind === 'class') {
      if (this.frees.has(name) && !this.bound.has(name)) return 'free';
      return 'name';
    }
    if (this.cells.has(name)) return 'cell';
    if (this.frees.has(name)) return 'free';
    if (this.bound.has(name)) return 'fast';
    return 'global';
  }
}

/** Builds scopes for a module; `scopeOf` maps each function/class/lambda/comprehension node to its scope. */
export function buildSymtable(mod: A.Module): { root: Scope; scopeOf: Map<A.Node, Scope> } {
  const scopeOf = new Map<A.Node, Scope>();
  const root = new Scope('module', '<module>', null, mod);
  scopeOf.set(mod, root);

  const visitStmts = (s: Scope, body: A.Stmt[]): void => body.forEach((st) => visitStmt(s, st));

  const bindTarget = (s: Scope, t: A.Expr): void => {
    switch (t.kind) {
      case 'Name':
        s.bound.add(s.mangle(t.id));
        break;
      case 'Tuple':
      case 'List':
        t.elts.forEach((e) => bindTarget(s, e));
        break;
      case 'Starred':
        bindTarget(s, t.value);
        break;
      default:
        visitExpr(s, t);
    }
  };

  const visitArgs = (s: Scope, a: A.Arguments): void => {
    a.defaults.forEach((d) => visitExpr(s, d));
    a.kwDefaults.forEach((d) => d && visitExpr(s, d));
  };

  const newFunctionScope = (s: Scope, kind: ScopeKind, name: string, node: A.Node, a: A.Arguments): Scope => {
    const f = new Scope(kind, name, s, node);
    s.children.push(f);
    scopeOf.set(node, f);
    const all = [...a.posonlyargs, ...a.args];
    for (const p of all) f.params.push(f.mangle(p.arg));
    for (const p of a.kwonlyargs) f.params.push(f.mangle(p.arg));
    if (a.vararg) f.params.push(f.mangle(a.vararg.arg));
    if (a.kwarg) f.params.push(f.mangle(a.kwarg.arg));
    f.params.forEach((p) => f.bound.add(p));
    return f;
  };

  const visitComprehension = (s: Scope, node: A.ListComp | A.SetComp | A.DictComp | A.GeneratorExp): void => {
    // the first iterable is evaluated in the enclosing scope
    visitExpr(s, node.generators[0].iter);
    const c = new Scope('comprehension', node.kind === 'GeneratorExp' ? '<genexpr>' : `<${node.kind === 'ListComp' ? 'listcomp' : node.kind === 'SetComp' ? 'setcomp' : 'dictcomp'}>`, s, node);
    s.children.push(c);
    scopeOf.set(node, c);
    c.params.push('.0');
    c.bound.add('.0');
    if (node.kind === 'GeneratorExp') c.isGenerator = true;
    node.generators.forEach((g, i) => {
      if (i > 0) visitExpr(c, g.iter);
      bindTarget(c, g.target);
      g.ifs.forEach((e) => visitExpr(c, e));
    });
    if (node.kind === 'DictComp') {
      visitExpr(c, node.key);
      visitExpr(c, node.value);
    } else visitExpr(c, node.elt);
  };

  const visitExpr = (s: Scope, e: A.Expr | null): void => {
    if (!e) return;
    switch (e.kind) {
      case 'Name':
        s.used.add(s.mangle(e.id));
        // symtable.c: in a function-like block, loading `super` counts as a use of __class__
        if (e.id === 'super' && s.kind !== 'module' && s.kind !== 'class') s.used.add('__class__');
        return;
      case 'Constant':
      case 'UnsupportedExpr':
        return;
      case 'JoinedStr':
        e.values.forEach((v) => visitExpr(s, v));
        return;
      case 'FormattedValue':
        visitExpr(s, e.value);
        visitExpr(s, e.formatSpec);
        return;
      case 'List':
      case 'Tuple':
      case 'Set':
        e.elts.forEach((x) => visitExpr(s, x));
        return;
      case 'Dict':
        e.keys.forEach((k) => visitExpr(s, k));
        e.values.forEach((v) => visitExpr(s, v));
        return;
      case 'BinOp':
        visitExpr(s, e.left);
        visitExpr(s, e.right);
        return;
      case 'UnaryOp':
        visitExpr(s, e.operand);
        return;
      case 'BoolOp':
        e.values.forEach((v) => visitExpr(s, v));
        return;
      case 'Compare':
        visitExpr(s, e.left);
        e.comparators.forEach((v) => visitExpr(s, v));
        return;
      case 'Call':
        visitExpr(s, e.func);
        e.args.forEach((v) => visitExpr(s, v));
        e.keywords.forEach((k) => visitExpr(s, k.value));
        return;
      case 'Attribute':
        visitExpr(s, e.value);
        return;
      case 'Subscript':
        visitExpr(s, e.value);
        visitExpr(s, e.slice);
        return;
      case 'Slice':
        visitExpr(s, e.lower);
        visitExpr(s, e.upper);
        visitExpr(s, e.step);
        return;
      case 'Starred':
        visitExpr(s, e.value);
        return;
      case 'Lambda': {
        visitArgs(s, e.args);
        const f = newFunctionScope(s, 'lambda', '<lambda>', e, e.args);
        visitExpr(f, e.body);
        return;
      }
      case 'IfExp':
        visitExpr(s, e.test);
        visitExpr(s, e.body);
        visitExpr(s, e.orelse);
        return;
      case 'ListComp':
      case 'SetComp':
      case 'DictComp':
      case 'GeneratorExp':
        visitComprehension(s, e);
        return;
      case 'Yield':
        s.isGenerator = true;
        visitExpr(s, e.value);
        return;
      case 'YieldFrom':
        s.isGenerator = true;
        visitExpr(s, e.value);
        return;
      case 'NamedExpr': {
        // binds in the nearest enclosing non-comprehension scope
        let t: Scope = s;
        while (t.kind === 'comprehension' && t.parent) t = t.parent;
        const id = s.mangle(e.target.id);
        t.bound.add(id);
        if (t !== s) {
          s.used.add(id);
          if (t.kind !== 'module') t.used.add(id);
        }
        visitExpr(s, e.value);
        return;
      }
      case 'Await':
        visitExpr(s, e.value);
        return;
    }
  };

  const visitStmt = (s: Scope, st: A.Stmt): void => {
    switch (st.kind) {
      case 'Expr':
        visitExpr(s, st.value);
        return;
      case 'Assign':
        visitExpr(s, st.value);
        st.targets.forEach((t) => bindTarget(s, t));
        return;
      case 'AugAssign':
        visitExpr(s, st.value);
        if (st.target.kind === 'Name') {
          s.used.add(s.mangle(st.target.id));
          s.bound.add(s.mangle(st.target.id));
        } else visitExpr(s, st.target);
        return;
      case 'AnnAssign':
        if (st.value) visitExpr(s, st.value);
        if (st.value || st.target.kind !== 'Name') bindTarget(s, st.target);
        else if (st.target.kind === 'Name') s.bound.add(s.mangle(st.target.id));
        return;
      case 'Delete':
        st.targets.forEach((t) => bindTarget(s, t));
        return;
      case 'Return':
        visitExpr(s, st.value);
        return;
      case 'Raise':
        visitExpr(s, st.exc);
        visitExpr(s, st.cause);
        return;
      case 'Global':
        st.names.forEach((n) => s.explicitGlobal.add(s.mangle(n)));
        return;
      case 'Nonlocal':
        st.names.forEach((n) => s.nonlocal.add(s.mangle(n)));
        return;
      case 'Assert':
        visitExpr(s, st.test);
        visitExpr(s, st.msg);
        return;
      case 'If':
      case 'While':
        visitExpr(s, st.test);
        visitStmts(s, st.body);
        visitStmts(s, st.orelse);
        return;
      case 'For':
        visitExpr(s, st.iter);
        bindTarget(s, st.target);
        visitStmts(s, st.body);
        visitStmts(s, st.orelse);
        return;
      case 'Try':
        visitStmts(s, st.body);
        for (const h of st.handlers) {
          visitExpr(s, h.type);
          if (h.name) s.bound.add(s.mangle(h.name));
          visitStmts(s, h.body);
        }
        visitStmts(s, st.orelse);
        visitStmts(s, st.finalbody);
        return;
      case 'With':
        for (const it of st.items) {
          visitExpr(s, it.contextExpr);
          if (it.optionalVars) bindTarget(s, it.optionalVars);
        }
        visitStmts(s, st.body);
        return;
      case 'FunctionDef': {
        st.decorators.forEach((d) => visitExpr(s, d));
        visitArgs(s, st.args);
        s.bound.add(s.mangle(st.name));
        const f = newFunctionScope(s, 'function', st.name, st, st.args);
        visitStmts(f, st.body);
        return;
      }
      case 'ClassDef': {
        st.decorators.forEach((d) => visitExpr(s, d));
        st.bases.forEach((b) => visitExpr(s, b));
        st.keywords.forEach((k) => visitExpr(s, k.value));
        s.bound.add(s.mangle(st.name));
        const c = new Scope('class', st.name, s, st);
        s.children.push(c);
        scopeOf.set(st, c);
        visitStmts(c, st.body);
        return;
      }
      case 'Import':
        for (const a of st.names) s.bound.add(s.mangle(a.asname ?? a.name.split('.')[0]));
        return;
      case 'ImportFrom':
        for (const a of st.names) if (a.name !== '*') s.bound.add(s.mangle(a.asname ?? a.name));
        return;
      case 'Pass':
      case 'Break':
      case 'Continue':
      case 'Unsupported':
        return;
    }
  };

  visitStmts(root, mod.body);
  resolveScope(root);
  return { root, scopeOf };
}

/** Second pass: decide free and cell variables (children first, as CPython's analyze_block). */
function resolveScope(s: Scope): void {
  for (const c of s.children) resolveScope(c);
  if (s.kind === 'module') return;
  // names this scope needs from outside
  const needs = new Set<string>();
  // drop_class_free: a child's free __class__ becomes this class's cell, not a free of its own
  if (s.kind === 'class') {
    for (const c of s.children) if (c.frees.has('__class__')) s.needsClassCell = true;
  }
  for (const n of s.used) if (!s.bound.has(n) || s.nonlocal.has(n)) needs.add(n);
  for (const n of s.nonlocal) needs.add(n);
  for (const c of s.children) for (const n of c.frees) if (!s.bound.has(n) || s.nonlocal.has(n)) needs.add(n);
  if (s.kind === 'class') needs.delete('__class__');
  for (const n of needs) {
    if (s.explicitGlobal.has(n)) continue;
    // a class passes `__class__` down as bound to every scope nested in it (analyze_block)
    if (n === '__class__' && s.kind !== 'class' && classBindsClassCell(s.parent)) {
      s.frees.add(n);
      continue;
    }
    if (findEnclosingBinding(s.parent, n)) s.frees.add(n);
  }
  // cells: my bound names captured by children
  if (s.kind !== 'class') {
    for (const c of s.children)
      for (const n of c.frees) if (s.bound.has(n) && !s.nonlocal.has(n) && !s.explicitGlobal.has(n)) s.cells.add(n);
  }
  for (const n of s.nonlocal) s.bound.delete(n);
  for (const n of s.frees) if (s.kind !== 'class') s.bound.delete(n);
}

/** whether `__class__` resolves to an enclosing class's cell: the nearest class before a function binding it */
function classBindsClassCell(s: Scope | null): boolean {
  for (let p = s; p; p = p.parent) {
    if (p.kind === 'module') return false;
    if (p.kind === 'class') return true;
    if (p.explicitGlobal.has('__class__')) return false;
    if (p.bound.has('__class__') || p.nonlocal.has('__class__')) return false;
  }
  return false;
}

function findEnclosingBinding(s: Scope | null, name: string): boolean {
  for (let p = s; p; p = p.parent) {
    if (p.kind === 'module') return false;
    if (p.kind === 'class') continue;
    if (p.explicitGlobal.has(name)) return false;
    if (p.bound.has(name) || p.nonlocal.has(name)) return true;
  }
  return false;
}
