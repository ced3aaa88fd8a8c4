// Lowers Lezer statement nodes to ast.ts statements: simple statements (assignments of all kinds,
// del, return, raise, import, global/nonlocal, assert), compound statements (if/elif chains, loops
// with else, try, with, def, class with decorators) and Unsupported for constructs outside the subset.
import type { Alias, ExceptHandler, Expr, Stmt, Span, WithItem } from './ast';
import { type Ctx, type SyntaxNode, fail, kids, span, spanOf, splitCommas, text } from './cst';
import { lowerArgList, lowerExpr, lowerExprList } from './lower-expr';
import { lowerParamList } from './lower-params';
import { checkAugTarget, checkTarget } from './targets';

/** statements of a Script or Body node */
export function lowerBlock(c: Ctx, nodes: SyntaxNode[]): Stmt[] {
  const out: Stmt[] = [];
  for (const n of nodes) {
    if (n.name === ':') continue;
    if (n.name === 'StatementGroup') {
      for (const k of kids(n)) if (k.name !== ';') out.push(lowerStmt(c, k));
    } else out.push(lowerStmt(c, n));
  }
  return out;
}

function body(c: Ctx, n: SyntaxNode | undefined): Stmt[] {
  if (!n || n.name !== 'Body') return fail(c, 'invalid syntax', n ?? { start: 0, end: 0 });
  return lowerBlock(c, kids(n));
}

/** a compound statement ends where its last inner statement ends */
function endOf(stmts: Stmt[], fallback: number): number {
  return stmts.length ? stmts[stmts.length - 1].end : fallback;
}

/** `type X = ...` and `def f[T]` are 3.12 syntax */
function before312(c: Ctx): boolean {
  return c.version === '3.10' || c.version === '3.11';
}

function unsupported(c: Ctx, n: SyntaxNode, construct: string): Stmt {
  const s = span(c, n);
  return { kind: 'Unsupported', construct, start: s.start, end: trimEnd(c, s.end, s.start) };
}

function trimEnd(c: Ctx, end: number, start: number): number {
  let e = end;
  while (e > start && /\s/.test(c.src[e - 1])) e--;
  return e;
}

export function lowerStmt(c: Ctx, n: SyntaxNode): Stmt {
  const s = span(c, n);
  const ks = kids(n);
  switch (n.name) {
    case 'ExpressionStatement':
      return { kind: 'Expr', value: lowerExprList(c, ks), ...s };
    case 'AssignStatement':
      return lowerAssign(c, n, ks);
    case 'UpdateStatement': {
      const opAt = ks.findIndex((k) => k.name === 'UpdateOp');
      const target = lowerExprList(c, ks.slice(0, opAt));
      checkAugTarget(target);
      const op = text(c, ks[opAt]).slice(0, -1) as import('./ast').BinOperator;
      const rest = ks.slice(opAt + 1);
      const value = rest.length === 1 && rest[0].name === 'YieldExpression' ? lowerExpr(c, rest[0]) : lowerExprList(c, rest);
      return { kind: 'AugAssign', target: target as import('./ast').Name, op, value, ...s };
    }
    case 'DeleteStatement': {
      const targets = splitCommas(ks.slice(1)).groups.map((g) => {
        if (g.length !== 1) fail(c, 'invalid syntax', g[1] ?? n);
        const t = lowerExpr(c, g[0]);
        checkTarget(t, 'del');
        return t;
      });
      return { kind: 'Delete', targets, ...s };
    }
    case 'PassStatement':
      return { kind: 'Pass', ...s };
    case 'BreakStatement':
      return { kind: 'Break', ...s };
    case 'ContinueStatement':
      return { kind: 'Continue', ...s };
    case 'ReturnStatement':
      return { kind: 'Return', value: ks.length > 1 ? lowerExprList(c, ks.slice(1)) : null, ...s };
    case 'YieldStatement':
      return { kind: 'Expr', value: lowerYieldStmt(c, n, ks), ...s };
    case 'PrintStatement':
      return fail(c, "Missing parentheses in call to 'print'. Did you mean print(...)?", n);
    case 'RaiseStatement': {
      if (ks.some((k) => k.name === ',')) fail(c, 'invalid syntax', ks.find((k) => k.name === ',')!);
      const fromAt = ks.findIndex((k) => k.name === 'from');
      return {
        kind: 'Raise',
        exc: ks[1] && ks[1].name !== 'from' ? lowerExpr(c, ks[1]) : null,
        cause: fromAt >= 0 ? lowerExpr(c, ks[fromAt + 1]) : null,
        ...s,
      };
    }
    case 'ImportStatement':
      return lowerImport(c, n, ks);
    case 'ScopeStatement': {
      const names = ks.filter((k) => k.name === 'VariableName').map((k) => text(c, k).normalize('NFKC'));
      return { kind: ks[0].name === 'global' ? 'Global' : 'Nonlocal', names, ...s };
    }
    case 'AssertStatement': {
      const { groups } = splitCommas(ks.slice(1));
      if (groups.length > 2 || groups.some((g) => g.length !== 1)) fail(c, 'invalid syntax', n);
      return { kind: 'Assert', test: lowerExpr(c, groups[0][0]), msg: groups[1] ? lowerExpr(c, groups[1][0]) : null, ...s };
    }
    case 'TypeDefinition':
      if (before312(c)) fail(c, 'invalid syntax', ks[1] ?? n);
      return unsupported(c, n, '`type` alias statements');
    case 'MatchStatement':
      return unsupported(c, n, '`match` statements');
    case 'IfStatement':
      return lowerIf(c, ks, 0);
    case 'WhileStatement': {
      const b = body(c, ks[2]);
      const orelse = ks[3]?.name === 'else' ? body(c, ks[4]) : [];
      return { kind: 'While', test: lowerExpr(c, ks[1]), body: b, orelse, start: s.start, end: endOf(orelse.length ? orelse : b, s.end) };
    }
    case 'ForStatement': {
      if (ks[0].name === 'async') return unsupported(c, n, '`async for` loops');
      const inAt = ks.findIndex((k) => k.name === 'in');
      const bodyAt = ks.findIndex((k) => k.name === 'Body');
      const target = lowerExprList(c, ks.slice(1, inAt));
      checkTarget(target, 'for');
      const iter = lowerExprList(c, ks.slice(inAt + 1, bodyAt));
      const b = body(c, ks[bodyAt]);
      const orelse = ks[bodyAt + 1]?.name === 'else' ? body(c, ks[bodyAt + 2]) : [];
      return { kind: 'For', target, iter, body: b, orelse, isAsync: false, start: s.start, end: endOf(orelse.length ? orelse : b, s.end) };
    }
    case 'TryStatement':
      return lowerTry(c, n, ks);
    case 'WithStatement':
      return lowerWith(c, n, ks);
    case 'FunctionDefinition':
      return lowerDef(c, n, ks, []);
    case 'ClassDefinition':
      return lowerClass(c, n, ks, []);
    case 'DecoratedStatement': {
      const decos = ks.filter((k) => k.name === 'Decorator').map((d) => lowerDecorator(c, d));
      const def = ks[ks.length - 1];
      const dk = kids(def);
      if (def.name === 'FunctionDefinition') return lowerDef(c, def, dk, decos);
      if (def.name === 'ClassDefinition') return lowerClass(c, def, dk, decos);
      return fail(c, 'invalid syntax', def);
    }
    default:
      return fail(c, 'invalid syntax', n);
  }
}

function lowerYieldStmt(c: Ctx, n: SyntaxNode, ks: SyntaxNode[]): Expr {
  const s = span(c, n);
  if (ks[1]?.name === 'from') return { kind: 'YieldFrom', value: lowerExpr(c, ks[2]), ...s };
  return { kind: 'Yield', value: ks.length > 1 ? lowerExprList(c, ks.slice(1)) : null, ...s };
}

function lowerAssign(c: Ctx, n: SyntaxNode, ks: SyntaxNode[]): Stmt {
  const s = span(c, n);
  const groups: SyntaxNode[][] = [[]];
  let annotation: SyntaxNode | null = null;
  for (const k of ks) {
    if (k.name === 'AssignOp') groups.push([]);
    else if (k.name === 'TypeDef') {
      if (groups.length > 1) fail(c, 'invalid syntax', k);
      annotation = k;
    } else groups[groups.length - 1].push(k);
  }
  const lowerSide = (g: SyntaxNode[]): Expr => (g.length === 1 && g[0].name === 'YieldExpression' ? lowerExpr(c, g[0]) : lowerExprList(c, g));
  if (annotation) {
    const target = lowerExprList(c, groups[0]);
    if (groups.length > 2) fail(c, 'invalid syntax', ks.filter((k) => k.name === 'AssignOp')[1]);
    if (target.kind === 'Tuple') fail(c, 'only single target (not tuple) can be annotated', target);
    if (target.kind === 'List') fail(c, 'only single target (not list) can be annotated', target);
    if (target.kind !== 'Name' && target.kind !== 'Attribute' && target.kind !== 'Subscript') fail(c, 'illegal target for annotation', target);
    const ak = kids(annotation);
    const ann = lowerExpr(c, ak[ak.length - 1]);
    const value = groups.length === 2 ? lowerSide(groups[1]) : null;
    const simple = target.kind === 'Name' && groups[0][0].name === 'VariableName';
    return { kind: 'AnnAssign', target, annotation: ann, value, simple, ...s };
  }
  const sides = groups.map(lowerSide);
  const value = sides.pop()!;
  sides.forEach((t, i) => checkTarget(t, i === 0 ? 'assign-here' : 'assign'));
  return { kind: 'Assign', targets: sides, value, ...s };
}

function lowerIf(c: Ctx, ks: SyntaxNode[], at: number): Stmt {
  const start = ks[at].from + c.base;
  const test = lowerExpr(c, ks[at + 1]);
  const b = body(c, ks[at + 2]);
  let orelse: Stmt[] = [];
  const next = ks[at + 3];
  if (next?.name === 'elif') orelse = [lowerIf(c, ks, at + 3)];
  else if (next?.name === 'else') orelse = body(c, ks[at + 4]);
  return { kind: 'If', test, body: b, orelse, start, end: endOf(orelse.length ? orelse : b, ks[at + 2].to + c.base) };
}

function lowerTry(c: Ctx, n: SyntaxNode, ks: SyntaxNode[]): Stmt {
  const s = span(c, n);
  const b = body(c, ks[1]);
  const handlers: ExceptHandler[] = [];
  let orelse: Stmt[] = [];
  let finalbody: Stmt[] = [];
  let i = 2;
  const clauses = ks.filter((k) => k.name === 'except');
  const starred = clauses.map((k) => k.nextSibling?.name === '*');
  if (starred.some((x) => x)) {
    if (c.version === '3.10') fail(c, 'invalid syntax', clauses[starred.indexOf(true)].nextSibling!);
    const odd = starred.findIndex((x) => x !== starred[0]);
    if (odd >= 0) fail(c, "cannot have both 'except' and 'except*' on the same 'try'", clauses[odd]);
    return unsupported(c, n, '`except*` clauses (exception groups)');
  }
  while (ks[i]?.name === 'except') {
    const start = ks[i].from + c.base;
    let j = i + 1;
    let type: Expr | null = null;
    let name: string | null = null;
    let nameSpan: Span | null = null;
    if (ks[j] && ks[j].name !== 'Body') type = lowerExpr(c, ks[j++]);
    if (ks[j]?.name === ',') fail(c, 'multiple exception types must be parenthesized', type!);
    if (ks[j]?.name === 'as') {
      name = text(c, ks[j + 1]).normalize('NFKC');
      nameSpan = span(c, ks[j + 1]);
      j += 2;
    }
    if (handlers.length && handlers[handlers.length - 1].type === null) {
      fail(c, "default 'except:' must be last", spanOf(handlers[handlers.length - 1], handlers[handlers.length - 1]));
    }
    const hb = body(c, ks[j]);
    handlers.push({ kind: 'ExceptHandler', type, name, nameSpan, body: hb, start, end: endOf(hb, ks[j].to + c.base) });
    i = j + 1;
  }
  if (ks[i]?.name === 'else') {
    orelse = body(c, ks[i + 1]);
    i += 2;
  }
  if (ks[i]?.name === 'finally') {
    finalbody = body(c, ks[i + 1]);
    i += 2;
  }
  if (handlers.length === 0 && finalbody.length === 0) {
    const after = ks[2] ?? n.nextSibling;
    fail(c, "expected 'except' or 'finally' block", after ? span(c, after) : { start: s.end, end: s.end });
  }
  const lastBlock = finalbody.length ? finalbody : orelse.length ? orelse : handlers.length ? handlers[handlers.length - 1].body : b;
  return { kind: 'Try', body: b, handlers, orelse, finalbody, start: s.start, end: endOf(lastBlock, s.end) };
}

function lowerWith(c: Ctx, n: SyntaxNode, ks: SyntaxNode[]): Stmt {
  if (ks[0].name === 'async') return unsupported(c, n, '`async with` statements');
  const s = span(c, n);
  const frag = c.fragments.get(ks[0].from + c.base);
  const items: WithItem[] = frag ? fragmentItems(c, frag) : nativeItems(c, ks.slice(1, ks.findIndex((k) => k.name === 'Body')));
  const b = body(c, ks.find((k) => k.name === 'Body'));
  return { kind: 'With', items, body: b, isAsync: false, start: s.start, end: endOf(b, s.end) };
}

/** `with a as x, b:` as Lezer parsed it */
function nativeItems(c: Ctx, header: SyntaxNode[]): WithItem[] {
  return splitCommas(header).groups.map((g) => {
    const contextExpr = lowerExpr(c, g[0]);
    let optionalVars: Expr | null = null;
    if (g[1]?.name === 'as' && g[2]) {
      optionalVars = lowerExpr(c, g[2]);
      checkTarget(optionalVars, 'with');
    } else if (g.length !== 1) fail(c, 'invalid syntax', g[1]);
    return { kind: 'withitem', contextExpr, optionalVars, start: contextExpr.start, end: optionalVars ? optionalVars.end : contextExpr.end };
  });
}

/** with-items hidden from Lezer (mask.ts), parsed one by one */
function fragmentItems(c: Ctx, frag: import('./cst').Fragment): WithItem[] {
  return frag.items.map((it) => {
    const contextExpr = c.parseFragment(it.expr.start, it.expr.end, 'exprs');
    let optionalVars: Expr | null = null;
    if (it.target) {
      optionalVars = c.parseFragment(it.target.start, it.target.end, 'target');
      checkTarget(optionalVars, 'with');
    }
    return { kind: 'withitem', contextExpr, optionalVars, start: contextExpr.start, end: optionalVars ? optionalVars.end : contextExpr.end };
  });
}

function lowerDecorator(c: Ctx, d: SyntaxNode): Expr {
  const frag = c.fragments.get(d.from + c.base);
  if (frag && frag.items[0]) return c.parseFragment(frag.items[0].expr.start, frag.items[0].expr.end, 'exprs');
  // `@a.b.c(args)` as Lezer parsed it
  let e: Expr | null = null;
  for (const k of kids(d)) {
    if (k.name === 'VariableName') {
      const ks = span(c, k);
      const name = text(c, k).normalize('NFKC');
      e = e ? { kind: 'Attribute', value: e, attr: name, attrSpan: ks, start: e.start, end: ks.end } : { kind: 'Name', id: name, ...ks };
    } else if (k.name === 'ArgList' && e) {
      const { args, keywords } = lowerArgList(c, k);
      e = { kind: 'Call', func: e, args, keywords, start: e.start, end: k.to + c.base };
    } else if (k.name !== 'At' && k.name !== '.') fail(c, 'invalid syntax', k);
  }
  return e ?? fail(c, 'invalid syntax', d);
}

function lowerDef(c: Ctx, n: SyntaxNode, ks: SyntaxNode[], decorators: Expr[]): Stmt {
  if (ks[0].name === 'async') return unsupported(c, n, '`async def` functions');
  const typeParams = ks.find((k) => k.name === 'TypeParamList');
  // 3.11 insists on `(` after the function name; 3.10 just fails
  if (typeParams && before312(c)) fail(c, c.version === '3.11' ? "expected '('" : 'invalid syntax', kids(typeParams)[0] ?? typeParams);
  if (typeParams) return unsupported(c, n, 'generic functions with type parameters (`def f[T]`)');
  const s = span(c, n);
  const nameNode = ks[1];
  const params = ks.find((k) => k.name === 'ParamList');
  if (!params || nameNode?.name !== 'VariableName') return fail(c, 'invalid syntax', n);
  const args = lowerParamList(c, params);
  const ret = ks.find((k) => k.name === 'TypeDef');
  let returns: Expr | null = null;
  if (ret) {
    const rk = kids(ret);
    returns = lowerExpr(c, rk[rk.length - 1]);
  }
  const b = body(c, ks.find((k) => k.name === 'Body'));
  return {
    kind: 'FunctionDef',
    name: text(c, nameNode).normalize('NFKC'),
    nameSpan: span(c, nameNode),
    args,
    body: b,
    decorators,
    returns,
    isAsync: false,
    start: s.start,
    end: endOf(b, s.end),
  };
}

function lowerClass(c: Ctx, n: SyntaxNode, ks: SyntaxNode[], decorators: Expr[]): Stmt {
  const typeParams = ks.find((k) => k.name === 'TypeParamList');
  if (typeParams && before312(c)) fail(c, 'invalid syntax', kids(typeParams)[0] ?? typeParams);
  if (typeParams) return unsupported(c, n, 'generic classes with type parameters (`class C[T]`)');
  const s = span(c, n);
  const nameNode = ks[1];
  const argList = ks.find((k) => k.name === 'ArgList');
  const genFor = argList ? kids(argList).find((k) => k.name === 'for') : undefined;
  if (genFor) fail(c, 'invalid syntax', genFor);
  const { args, keywords } = argList ? lowerArgList(c, argList) : { args: [], keywords: [] };
  const b = body(c, ks.find((k) => k.name === 'Body'));
  return {
    kind: 'ClassDef',
    name: text(c, nameNode).normalize('NFKC'),
    nameSpan: span(c, nameNode),
    bases: args,
    keywords,
    body: b,
    decorators,
    start: s.start,
    end: endOf(b, s.end),
  };
}

function lowerImport(c: Ctx, n: SyntaxNode, ks: SyntaxNode[]): Stmt {
  const s = span(c, n);
  // the parentheses of `from m import (a, b)` are plain children in Lezer's tree
  const parenthesized = ks.some((k) => k.name === '(');
  const flat = ks.filter((k) => k.name !== '(' && k.name !== ')');
  const aliases = (nodes: SyntaxNode[]): Alias[] =>
    splitCommas(nodes).groups.filter((g) => g.length > 0).map((g) => {
      const asAt = g.findIndex((k) => k.name === 'as');
      const nameNodes = asAt >= 0 ? g.slice(0, asAt) : g;
      const name = nameNodes.filter((k) => k.name === 'VariableName').map((k) => text(c, k).normalize('NFKC')).join('.');
      const asname = asAt >= 0 ? text(c, g[asAt + 1]).normalize('NFKC') : null;
      const last = g[g.length - 1];
      return { kind: 'alias', name, asname, start: g[0].from + c.base, end: last.to + c.base };
    });
  if (flat[0].name === 'import') return { kind: 'Import', names: aliases(flat.slice(1)), ...s };
  const importAt = flat.findIndex((k) => k.name === 'import');
  let level = 0;
  const mod: string[] = [];
  for (const k of flat.slice(1, importAt)) {
    if (k.name === 'VariableName') mod.push(text(c, k).normalize('NFKC'));
    else if (mod.length > 0) continue;
    else if (k.name === '.') level += 1;
    else if (k.name === 'Ellipsis') level += 3;
  }
  const rest = flat.slice(importAt + 1);
  const names: Alias[] =
    rest.length === 1 && rest[0].name === '*'
      ? [{ kind: 'alias', name: '*', asname: null, ...span(c, rest[0]) }]
      : aliases(rest);
  if (rest.length && rest[rest.length - 1].name === ',' && !parenthesized) {
    fail(c, 'trailing comma not allowed without surrounding parentheses', rest[rest.length - 1]);
  }
  return { kind: 'ImportFrom', module: mod.length ? mod.join('.') : null, names, level, ...s };
}
