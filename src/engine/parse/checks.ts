// Compiler-level errors CPython raises after parsing, in CPython's order: first the symbol-table pass
// (global/nonlocal misuse, 'yield' inside a comprehension, then unresolved nonlocals), then the
// code generator ('return' outside function, 'break' outside loop, 'continue' not properly in loop,
// 'yield'/'await' outside function). Messages are the same in 3.10-3.13 for these.
import type { PythonVersion } from '../api';
import type { Expr, Module, Node, Span, SyntaxErrorInfo } from './ast';
import { FIELDS } from './dump';

class CheckError extends Error {
  constructor(
    message: string,
    readonly span: Span,
  ) {
    super(message);
  }
}

/** calls f on each child node, in declaration order (source order for almost every kind) */
export function forEachChild(n: Node, f: (c: Node) => void): void {
  const rec = n as unknown as Record<string, unknown>;
  const fields = FIELDS[n.kind];
  if (!fields) return;
  for (let i = 0; i < fields.length; i++) {
    const v = rec[fields[i]];
    if (v === null || typeof v !== 'object') continue;
    if (Array.isArray(v)) {
      for (let j = 0; j < v.length; j++) {
        const x = v[j];
        if (x !== null && typeof x === 'object' && 'kind' in x) f(x as Node);
      }
    } else if ('kind' in v) f(v as Node);
  }
}

/** child nodes of any AST node, in source order */
export function childNodes(n: Node): Node[] {
  const out: Node[] = [];
  const rec = n as unknown as Record<string, unknown>;
  for (const f of FIELDS[n.kind] ?? []) {
    const v = rec[f];
    if (Array.isArray(v)) {
      for (const x of v) if (x && typeof x === 'object' && 'kind' in x) out.push(x as Node);
    } else if (v && typeof v === 'object' && 'kind' in v) out.push(v as Node);
  }
  for (let i = 1; i < out.length; i++) {
    if (out[i].start < out[i - 1].start) return out.sort((a, b) => a.start - b.start);
  }
  return out;
}

interface Scope {
  kind: 'module' | 'function' | 'class' | 'comprehension';
  parent: Scope | null;
  bound: Set<string>;
  params: Set<string>;
  globals: Set<string>;
  globalStmts: Map<string, Span>;
  nonlocals: { name: string; stmt: Span }[];
  /** first use of each name in this scope, in source order */
  seen: Map<string, 'use' | 'assign'>;
  /** for comprehension scopes: "list comprehension", "generator expression", ... */
  compName?: string;
  /** for comprehension scopes: the iteration variables */
  compTargets?: Set<string>;
}

/** > 0 while visiting the iterable of a comprehension's `for` */
let inCompIter = 0;

function namesOf(t: Expr, out: Set<string>): Set<string> {
  if (t.kind === 'Name') out.add(t.id);
  else if (t.kind === 'Tuple' || t.kind === 'List') t.elts.forEach((e) => namesOf(e, out));
  else if (t.kind === 'Starred') namesOf(t.value, out);
  return out;
}

function newScope(kind: Scope['kind'], parent: Scope | null): Scope {
  return { kind, parent, bound: new Set(), params: new Set(), globals: new Set(), globalStmts: new Map(), nonlocals: [], seen: new Map() };
}

export function checkModule(m: Module, _version: PythonVersion): SyntaxErrorInfo | null {
  try {
    const scopes: Scope[] = [];
    inCompIter = 0;
    futureImports(m);
    const mod = newScope('module', null);
    scopes.push(mod);
    for (const s of m.body) symVisit(s, mod, scopes);
    for (const sc of scopes) for (const nl of sc.nonlocals) resolveNonlocal(sc, nl.name, nl.stmt);
    for (const s of m.body) genVisit(s, { fn: 'none', loop: false });
    return null;
  } catch (e) {
    if (e instanceof CheckError) return { message: e.message, span: e.span, errorType: 'SyntaxError' };
    throw e;
  }
}

// ---------------------------------------------------------------- __future__ imports (future.c)

const FUTURE_FEATURES = new Set([
  'nested_scopes', 'generators', 'division', 'absolute_import', 'with_statement', 'print_function', 'unicode_literals',
  'barry_as_FLUFL', 'generator_stop', 'annotations',
]);
const FUTURE_MISPLACED = 'from __future__ imports must occur at the beginning of the file';

function isFuture(s: Node): boolean {
  return s.kind === 'ImportFrom' && s.module === '__future__' && s.level === 0;
}

function futureImports(m: Module): void {
  let done = false;
  m.body.forEach((s, i) => {
    if (isFuture(s) && s.kind === 'ImportFrom') {
      if (done) throw new CheckError(FUTURE_MISPLACED, s);
      for (const a of s.names) {
        if (a.name === 'braces') throw new CheckError('not a chance', s);
        if (!FUTURE_FEATURES.has(a.name)) throw new CheckError(`future feature ${a.name} is not defined`, s);
      }
    } else if (!(i === 0 && s.kind === 'Expr' && s.value.kind === 'Constant' && s.value.value.type === 'str')) {
      done = true;
    }
  });
}

// ---------------------------------------------------------------- symbol table pass

function bind(scope: Scope, name: string): void {
  scope.bound.add(name);
  if (!scope.seen.has(name)) scope.seen.set(name, 'assign');
}

function use(scope: Scope, name: string): void {
  if (!scope.seen.has(name)) scope.seen.set(name, 'use');
}

function bindTarget(t: Expr, scope: Scope, scopes: Scope[]): void {
  if (t.kind === 'Name') bind(scope, t.id);
  else if (t.kind === 'Tuple' || t.kind === 'List') t.elts.forEach((e) => bindTarget(e, scope, scopes));
  else if (t.kind === 'Starred') bindTarget(t.value, scope, scopes);
  else symVisit(t, scope, scopes);
}

function symVisit(n: Node, scope: Scope, scopes: Scope[]): void {
  switch (n.kind) {
    case 'Global':
    case 'Nonlocal': {
      const what = n.kind === 'Global' ? 'global' : 'nonlocal';
      if (what === 'nonlocal' && scope.kind === 'module') throw new CheckError('nonlocal declaration not allowed at module level', n);
      for (const name of n.names) {
        if (scope.params.has(name)) throw new CheckError(`name '${name}' is parameter and ${what}`, n);
        // reported at the first of the two declarations, as CPython does
        const prevNonlocal = scope.nonlocals.find((x) => x.name === name);
        if (what === 'global' && prevNonlocal) throw new CheckError(`name '${name}' is nonlocal and global`, prevNonlocal.stmt);
        if (what === 'nonlocal' && scope.globals.has(name)) throw new CheckError(`name '${name}' is nonlocal and global`, scope.globalStmts.get(name) ?? n);
        const seen = scope.seen.get(name);
        if (seen === 'use') throw new CheckError(`name '${name}' is used prior to ${what} declaration`, n);
        if (seen === 'assign') throw new CheckError(`name '${name}' is assigned to before ${what} declaration`, n);
        if (what === 'global') {
          scope.globals.add(name);
          scope.globalStmts.set(name, n);
        }
        else scope.nonlocals.push({ name, stmt: n });
      }
      return;
    }
    case 'Name':
      use(scope, n.id);
      return;
    case 'Assign':
      symVisit(n.value, scope, scopes);
      n.targets.forEach((t) => bindTarget(t, scope, scopes));
      return;
    case 'AugAssign':
      symVisit(n.value, scope, scopes);
      bindTarget(n.target, scope, scopes);
      return;
    case 'AnnAssign':
      if (n.value) symVisit(n.value, scope, scopes);
      if (n.target.kind === 'Name' && n.simple && (scope.globals.has(n.target.id) || scope.nonlocals.some((x) => x.name === (n.target as { id: string }).id))) {
        const what = scope.globals.has(n.target.id) ? 'global' : 'nonlocal';
        throw new CheckError(`annotated name '${n.target.id}' can't be ${what}`, n);
      }
      bindTarget(n.target, scope, scopes);
      symVisit(n.annotation, scope, scopes);
      return;
    case 'Delete':
      n.targets.forEach((t) => bindTarget(t, scope, scopes));
      return;
    case 'For':
      symVisit(n.iter, scope, scopes);
      bindTarget(n.target, scope, scopes);
      [...n.body, ...n.orelse].forEach((s) => symVisit(s, scope, scopes));
      return;
    case 'With':
      for (const it of n.items) {
        symVisit(it.contextExpr, scope, scopes);
        if (it.optionalVars) bindTarget(it.optionalVars, scope, scopes);
      }
      n.body.forEach((s) => symVisit(s, scope, scopes));
      return;
    case 'ExceptHandler':
      if (n.type) symVisit(n.type, scope, scopes);
      if (n.name) bind(scope, n.name);
      n.body.forEach((s) => symVisit(s, scope, scopes));
      return;
    case 'Import':
    case 'ImportFrom':
      for (const a of n.names) {
        if (a.name === '*' && scope.kind !== 'module') throw new CheckError('import * only allowed at module level', a);
        if (a.name !== '*') bind(scope, a.asname ?? a.name.split('.')[0]);
      }
      return;
    case 'NamedExpr': {
      if (inCompIter > 0) throw new CheckError('assignment expression cannot be used in a comprehension iterable expression', n);
      symVisit(n.value, scope, scopes);
      let s = scope;
      while (s.kind === 'comprehension' && s.parent) {
        if (s.compTargets?.has(n.target.id)) throw new CheckError(`assignment expression cannot rebind comprehension iteration variable '${n.target.id}'`, n.target);
        s = s.parent;
      }
      if (s !== scope && s.kind === 'class') throw new CheckError('assignment expression within a comprehension cannot be used in a class body', n);
      bind(s, n.target.id);
      return;
    }
    case 'FunctionDef':
    case 'Lambda': {
      if (n.kind === 'FunctionDef') n.decorators.forEach((d) => symVisit(d, scope, scopes));
      const a = n.args;
      [...a.defaults, ...a.kwDefaults.filter((d): d is Expr => d !== null)].forEach((d) => symVisit(d, scope, scopes));
      const all = [...a.posonlyargs, ...a.args, ...(a.vararg ? [a.vararg] : []), ...a.kwonlyargs, ...(a.kwarg ? [a.kwarg] : [])];
      all.forEach((x) => x.annotation && symVisit(x.annotation, scope, scopes));
      if (n.kind === 'FunctionDef') {
        if (n.returns) symVisit(n.returns, scope, scopes);
        bind(scope, n.name);
      }
      const fs = newScope('function', scope);
      scopes.push(fs);
      for (const x of all) {
        fs.params.add(x.arg);
        fs.bound.add(x.arg);
      }
      if (n.kind === 'FunctionDef') n.body.forEach((s) => symVisit(s, fs, scopes));
      else symVisit(n.body, fs, scopes);
      return;
    }
    case 'ClassDef': {
      [...n.decorators, ...n.bases, ...n.keywords].forEach((d) => symVisit(d, scope, scopes));
      bind(scope, n.name);
      const cs = newScope('class', scope);
      scopes.push(cs);
      n.body.forEach((s) => symVisit(s, cs, scopes));
      return;
    }
    case 'ListComp':
    case 'SetComp':
    case 'DictComp':
    case 'GeneratorExp': {
      const gens = n.generators;
      inCompIter++;
      symVisit(gens[0].iter, scope, scopes);
      inCompIter--;
      const cs = newScope('comprehension', scope);
      cs.compName = COMP_NAMES[n.kind];
      cs.compTargets = new Set();
      for (const g of gens) namesOf(g.target, cs.compTargets);
      scopes.push(cs);
      gens.forEach((g, i) => {
        if (i > 0) {
          inCompIter++;
          symVisit(g.iter, cs, scopes);
          inCompIter--;
        }
        bindTarget(g.target, cs, scopes);
        g.ifs.forEach((x) => symVisit(x, cs, scopes));
      });
      const elts = n.kind === 'DictComp' ? [n.key, n.value] : [n.elt];
      elts.forEach((x) => symVisit(x, cs, scopes));
      return;
    }
    case 'Yield':
    case 'YieldFrom': {
      if (scope.kind === 'comprehension') throw new CheckError(`'yield' inside ${scope.compName}`, n);
      childNodes(n).forEach((c) => symVisit(c, scope, scopes));
      return;
    }
    case 'IfExp':
      // body comes first in the source
      [n.body, n.test, n.orelse].forEach((c) => symVisit(c, scope, scopes));
      return;
    default:
      forEachChild(n, (c) => symVisit(c, scope, scopes));
  }
}

const COMP_NAMES = { ListComp: 'list comprehension', SetComp: 'set comprehension', DictComp: 'dict comprehension', GeneratorExp: 'generator expression' };

function resolveNonlocal(scope: Scope, name: string, stmt: Span): void {
  for (let s = scope.parent; s; s = s.parent) {
    // the implicit __class__ cell of a method
    if (name === '__class__' && s.kind === 'class') return;
    if (s.kind === 'module') break;
    if (s.kind === 'class') continue;
    if (s.globals.has(name)) break;
    if (s.bound.has(name) || s.nonlocals.some((x) => x.name === name)) return;
  }
  throw new CheckError(`no binding for nonlocal '${name}' found`, stmt);
}

// ---------------------------------------------------------------- code generator pass

interface GenCtx {
  fn: 'none' | 'def' | 'lambda';
  loop: boolean;
  /** inside a class body (a __future__ import there is misplaced too) */
  nested?: boolean;
}

/** an `await` in this expression, outside nested functions */
export function containsAwait(n: Node): boolean {
  if (n.kind === 'Await') return true;
  if (n.kind === 'Lambda' || n.kind === 'FunctionDef' || n.kind === 'ClassDef') return false;
  return childNodes(n).some(containsAwait);
}

function genVisit(n: Node, g: GenCtx): void {
  switch (n.kind) {
    case 'Return':
      if (g.fn === 'none') throw new CheckError("'return' outside function", n);
      break;
    case 'Break':
      if (!g.loop) throw new CheckError("'break' outside loop", n);
      return;
    case 'Continue':
      if (!g.loop) throw new CheckError("'continue' not properly in loop", n);
      return;
    case 'Yield':
    case 'YieldFrom':
      if (g.fn === 'none') throw new CheckError("'yield' outside function", n);
      break;
    case 'Await':
      if (g.fn === 'none') throw new CheckError("'await' outside function", n);
      throw new CheckError("'await' outside async function", n);
    case 'ImportFrom':
      if (isFuture(n) && (g.fn !== 'none' || g.nested)) throw new CheckError(FUTURE_MISPLACED, n);
      break;
    case 'ListComp':
    case 'SetComp':
    case 'DictComp':
      if (n.generators.some((x) => x.isAsync) || containsAwait(n)) throw new CheckError('asynchronous comprehension outside of an asynchronous function', n);
      break;
    case 'For':
    case 'While': {
      if (n.kind === 'For') {
        if (n.iter.kind === 'Starred') throw new CheckError("can't use starred expression here", n.iter);
        genVisit(n.target, g);
        genVisit(n.iter, g);
      } else genVisit(n.test, g);
      n.body.forEach((s) => genVisit(s, { ...g, loop: true }));
      n.orelse.forEach((s) => genVisit(s, g));
      return;
    }
    case 'FunctionDef':
    case 'Lambda': {
      if (n.kind === 'FunctionDef') n.decorators.forEach((d) => genVisit(d, g));
      genVisit(n.args, g);
      if (n.kind === 'FunctionDef') {
        if (n.returns) genVisit(n.returns, g);
        n.body.forEach((s) => genVisit(s, { fn: 'def', loop: false }));
      } else genVisit(n.body, { fn: 'lambda', loop: false });
      return;
    }
    case 'ClassDef':
      [...n.decorators, ...n.bases, ...n.keywords].forEach((d) => genVisit(d, g));
      n.body.forEach((s) => genVisit(s, { fn: 'none', loop: false }));
      return;
    default:
      break;
  }
  const holder = STAR_HOLDERS.has(n.kind);
  forEachChild(n, (c) => {
    if (!holder && c.kind === 'Starred') throw new CheckError("can't use starred expression here", c);
    genVisit(c, g);
  });
}

/** nodes that may hold `*x` directly (targets are checked when lowering) */
const STAR_HOLDERS = new Set(['Tuple', 'List', 'Set', 'Call', 'ClassDef']);
