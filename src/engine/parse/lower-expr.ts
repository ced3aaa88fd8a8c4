// Lowers Lezer expression nodes to ast.ts expressions: atoms, calls, subscripts and slices, displays
// and comprehensions, lambda, conditional and named expressions. Operators are in lower-ops.ts,
// strings in lower-string.ts, parameters in lower-params.ts.
import type {
  Comprehension,
  Expr,
  Keyword,
  Span,
} from './ast';
import { type Ctx, type SyntaxNode, MAX_NESTING, TOO_DEEP, LowerError, fail, inner, kids, span, spanOf, splitCommas, text } from './cst';
import { parseNumber } from './numbers';
import { lowerString } from './lower-string';
import { lowerLambdaParams } from './lower-params';
import { checkNamedTarget, checkTarget } from './targets';
import { containsAwait } from './checks';
import { lowerBinary, lowerBoolLayer } from './lower-ops';

export function lowerExpr(c: Ctx, n: SyntaxNode): Expr {
  if (++c.depth > MAX_NESTING) {
    c.depth = 0;
    throw new LowerError(TOO_DEEP, span(c, n));
  }
  try {
    return lowerExprInner(c, n);
  } finally {
    c.depth--;
  }
}

function lowerExprInner(c: Ctx, n: SyntaxNode): Expr {
  const s = span(c, n);
  switch (n.name) {
    case 'VariableName':
      if (c.bareYields.has(s.start)) {
        if (!bareYieldAllowed(n)) fail(c, 'invalid syntax', n);
        return { kind: 'Yield', value: null, ...s };
      }
      return { kind: 'Name', id: text(c, n).normalize('NFKC'), ...s };
    case 'Number':
      return { kind: 'Constant', value: parseNumber(text(c, n)), ...s };
    case 'String':
    case 'FormatString':
    case 'ContinuedString':
      return lowerString(c, n, lowerExprList);
    case 'Ellipsis':
      return { kind: 'Constant', value: { type: 'Ellipsis' }, ...s };
    case 'None':
      return { kind: 'Constant', value: { type: 'None' }, ...s };
    case 'Boolean':
      return { kind: 'Constant', value: { type: 'bool', value: text(c, n) === 'True' }, ...s };
    case 'ParenthesizedExpression': {
      const ks = inner(n);
      if (ks[0]?.name === '*') fail(c, 'cannot use starred expression here', spanOf(span(c, ks[0]), span(c, ks[ks.length - 1])));
      if (ks.length !== 1) fail(c, 'invalid syntax', n);
      return lowerExpr(c, ks[0]);
    }
    case 'TupleExpression':
      return { kind: 'Tuple', elts: lowerElements(c, inner(n)), parenthesized: true, ...s };
    case 'ArrayExpression':
      return { kind: 'List', elts: lowerElements(c, inner(n)), ...s };
    case 'SetExpression':
      return { kind: 'Set', elts: lowerElements(c, inner(n)), ...s };
    case 'DictionaryExpression':
      return lowerDict(c, n);
    case 'ComprehensionExpression':
    case 'ArrayComprehensionExpression':
    case 'SetComprehensionExpression':
    case 'DictionaryComprehensionExpression':
      return lowerComprehension(c, n, inner(n), s);
    case 'CallExpression':
      return lowerCall(c, n);
    case 'MemberExpression':
      return lowerMember(c, n);
    case 'UnaryExpression': {
      const [op, operand] = kids(n);
      const t = text(c, op);
      if (t === 'not') return lowerBoolLayer(c, n);
      return { kind: 'UnaryOp', op: t === 'not' ? 'not' : (t as '-' | '+' | '~'), operand: lowerExpr(c, operand), ...s };
    }
    case 'BinaryExpression':
      return lowerBinary(c, n);
    case 'ConditionalExpression': {
      const [body, , test, , orelse] = kids(n);
      return { kind: 'IfExp', test: lowerExpr(c, test), body: lowerExpr(c, body), orelse: lowerExpr(c, orelse), ...s };
    }
    case 'LambdaExpression': {
      const ks = kids(n);
      const params = ks.find((k) => k.name === 'ParamList');
      const colon = ks.findIndex((k) => k.name === ':');
      return { kind: 'Lambda', args: lowerLambdaParams(c, params ?? null, s), body: lowerExpr(c, ks[colon + 1]), ...s };
    }
    case 'NamedExpression': {
      const [target, , value] = kids(n);
      const t = lowerExpr(c, target);
      checkNamedTarget(t);
      if (t.kind !== 'Name') fail(c, 'invalid syntax', t);
      return { kind: 'NamedExpr', target: t, value: lowerExpr(c, value), ...s };
    }
    case 'YieldExpression':
      return lowerYield(c, n);
    case 'AwaitExpression': {
      const [, value] = kids(n);
      return { kind: 'Await', value: lowerExpr(c, value), ...s };
    }
    default:
      return fail(c, 'invalid syntax', n);
  }
}

/** where a bare `yield` may stand: alone in parentheses, as a statement, or alone right of `=` */
function bareYieldAllowed(n: SyntaxNode): boolean {
  const p = n.parent;
  const prev = n.prevSibling;
  const next = n.nextSibling;
  if (!p) return false;
  if (p.name === 'ParenthesizedExpression') return prev?.name === '(' && next?.name === ')';
  if (p.name === 'ExpressionStatement') return !prev && !next;
  if (p.name === 'AssignStatement' || p.name === 'UpdateStatement') return (prev?.name === 'AssignOp' || prev?.name === 'UpdateOp') && !next;
  return false;
}

/** `a, *b, c` children (commas included) to expressions; `*x` becomes Starred */
export function lowerElements(c: Ctx, nodes: SyntaxNode[]): Expr[] {
  const out: Expr[] = [];
  for (let i = 0; i < nodes.length; i++) {
    const k = nodes[i];
    if (k.name === ',') continue;
    if (k.name === '*') {
      const v = lowerExpr(c, nodes[i + 1]);
      out.push({ kind: 'Starred', value: v, start: k.from + c.base, end: v.end });
      i++;
    } else {
      const v = lowerExpr(c, k);
      const star = c.stars.get(v.start);
      out.push(star === undefined ? v : { kind: 'Starred', value: v, start: star, end: v.end });
    }
  }
  return out;
}

/** an expression list: one expression, or an unparenthesized Tuple when there is a comma */
export function lowerExprList(c: Ctx, nodes: SyntaxNode[]): Expr {
  const elts = lowerElements(c, nodes);
  const hasComma = nodes.some((k) => k.name === ',');
  if (!hasComma && elts.length === 1) return elts[0];
  if (elts.length === 0) return fail(c, 'invalid syntax', nodes[0] ?? { start: 0, end: 0 });
  const last = nodes[nodes.length - 1];
  return { kind: 'Tuple', elts, parenthesized: false, start: elts[0].start, end: Math.max(elts[elts.length - 1].end, last.to + c.base) };
}

function lowerDict(c: Ctx, n: SyntaxNode): Expr {
  const keys: (Expr | null)[] = [];
  const values: Expr[] = [];
  for (const g of splitCommas(inner(n)).groups) {
    if (g[0]?.name === '**') {
      keys.push(null);
      values.push(lowerExpr(c, g[1]));
    } else if (g.length === 3 && g[1].name === ':') {
      keys.push(lowerExpr(c, g[0]));
      values.push(lowerExpr(c, g[2]));
    } else fail(c, 'invalid syntax', g[0] ?? n);
  }
  return { kind: 'Dict', keys, values, ...span(c, n) };
}

/** element(s) then `for ... in ... if ...` clauses */
function lowerComprehension(c: Ctx, n: SyntaxNode, ks: SyntaxNode[], s: Span): Expr {
  const first = ks.findIndex((k) => k.name === 'for' || k.name === 'async');
  const head = ks.slice(0, first);
  const generators = lowerClauses(c, ks.slice(first));
  if (n.name === 'DictionaryComprehensionExpression') {
    if (head[0]?.name === '**') fail(c, 'dict unpacking cannot be used in dict comprehension', spanOf(span(c, head[0]), span(c, head[head.length - 1])));
    return { kind: 'DictComp', key: lowerExpr(c, head[0]), value: lowerExpr(c, head[2]), generators, ...s };
  }
  if (head[0]?.name === '*') {
    const what = n.name === 'ArrayComprehensionExpression' ? 'list' : n.name === 'SetComprehensionExpression' ? 'set' : 'generator';
    fail(c, `iterable unpacking cannot be used in comprehension`, spanOf(span(c, head[0]), span(c, head[1])));
    void what;
  }
  const elt = lowerExpr(c, head[0]);
  const kind = n.name === 'ArrayComprehensionExpression' ? 'ListComp' : n.name === 'SetComprehensionExpression' ? 'SetComp' : 'GeneratorExp';
  const e: Expr = { kind, elt, generators, ...s };
  // `await` or `async for` in a generator expression makes it an asynchronous generator, valid
  // anywhere in CPython but outside what the engine simulates
  if (kind === 'GeneratorExp' && (generators.some((g) => g.isAsync) || containsAwait(e))) {
    return { kind: 'UnsupportedExpr', construct: 'asynchronous generator expressions (`await` or `async for` in a generator)', ...s };
  }
  return e;
}

export function lowerClauses(c: Ctx, ks: SyntaxNode[]): Comprehension[] {
  const out: Comprehension[] = [];
  let i = 0;
  while (i < ks.length) {
    const start = ks[i].from + c.base;
    let isAsync = false;
    if (ks[i].name === 'async') {
      isAsync = true;
      i++;
    }
    if (ks[i]?.name !== 'for') fail(c, 'invalid syntax', ks[i] ?? ks[0]);
    i++;
    const tgt: SyntaxNode[] = [];
    while (i < ks.length && ks[i].name !== 'in') tgt.push(ks[i++]);
    i++;
    const target = lowerExprList(c, tgt);
    checkTarget(target, 'for');
    if (ks[i] === undefined) fail(c, 'invalid syntax', ks[i - 1]);
    const iter = lowerExpr(c, ks[i++]);
    const ifs: Expr[] = [];
    let end = iter.end;
    while (ks[i]?.name === 'if') {
      const cond = lowerExpr(c, ks[i + 1]);
      ifs.push(cond);
      end = cond.end;
      i += 2;
    }
    out.push({ kind: 'comprehension', target, iter, ifs, isAsync, start, end });
  }
  return out;
}

function lowerCall(c: Ctx, n: SyntaxNode): Expr {
  const [fn, argList] = kids(n);
  const func = lowerExpr(c, fn);
  const { args, keywords } = lowerArgList(c, argList);
  return { kind: 'Call', func, args, keywords, ...span(c, n) };
}

/** call arguments (also class bases): positional, `*x`, `name=value`, `**x`, a lone generator */
export function lowerArgList(c: Ctx, argList: SyntaxNode): { args: Expr[]; keywords: Keyword[] } {
  const args: Expr[] = [];
  const keywords: Keyword[] = [];
  const ks = inner(argList);
  // commas split arguments, except in the target list of a generator argument (`for k, v in`)
  const groups: SyntaxNode[][] = [[]];
  let inTarget = false;
  for (const k of ks) {
    if (k.name === 'for') inTarget = true;
    else if (k.name === 'in') inTarget = false;
    if (k.name === ',' && !inTarget) groups.push([]);
    else groups[groups.length - 1].push(k);
  }
  if (groups[groups.length - 1].length === 0) groups.pop();
  const seen = new Set<string>();
  let sawKw = false;
  let sawKwUnpack = false;
  for (const g of groups) {
    const gs: Span = spanOf(span(c, g[0]), span(c, g[g.length - 1]));
    const forAt = g.findIndex((k) => k.name === 'for' || k.name === 'async');
    if (g[0].name === '**') {
      const v = lowerExpr(c, g[1]);
      keywords.push({ kind: 'keyword', arg: null, value: v, ...gs });
      sawKwUnpack = true;
    } else if (g[0].name === '*') {
      if (sawKwUnpack) fail(c, 'iterable argument unpacking follows keyword argument unpacking', c.version === '3.10' || c.version === '3.11' ? span(c, argList) : gs);
      const v = lowerExpr(c, g[1]);
      args.push({ kind: 'Starred', value: v, ...gs });
    } else if (g.length >= 3 && g[1].name === 'AssignOp' && text(c, g[1]) === '=') {
      if (forAt >= 0) fail(c, 'invalid syntax', g[forAt]);
      const name = text(c, g[0]);
      if (seen.has(name)) fail(c, `keyword argument repeated: ${name}`, gs);
      seen.add(name);
      keywords.push({ kind: 'keyword', arg: name, value: lowerExpr(c, g[2]), ...gs });
      sawKw = true;
    } else {
      let e: Expr;
      if (forAt >= 0) {
        if (groups.length > 1) fail(c, 'Generator expression must be parenthesized', gs);
        // CPython gives a call's lone generator argument the span of the call's parentheses
        e = lowerComprehension(c, { name: 'ComprehensionExpression' } as SyntaxNode, g, span(c, argList));
      } else if (g.length === 3 && g[1].name === 'AssignOp') {
        const t = lowerExpr(c, g[0]);
        if (t.kind !== 'Name') fail(c, 'invalid syntax', t);
        e = { kind: 'NamedExpr', target: t, value: lowerExpr(c, g[2]), ...gs };
      } else {
        if (g.length !== 1) fail(c, 'invalid syntax. Perhaps you forgot a comma?', gs);
        e = lowerExpr(c, g[0]);
      }
      if (sawKwUnpack) fail(c, 'positional argument follows keyword argument unpacking', e);
      if (sawKw) fail(c, 'positional argument follows keyword argument', e);
      args.push(e);
    }
  }
  return { args, keywords };
}

function lowerMember(c: Ctx, n: SyntaxNode): Expr {
  const ks = kids(n);
  const value = lowerExpr(c, ks[0]);
  const s = span(c, n);
  if (ks[1]?.name === '.') {
    const prop = ks[2];
    if (!prop) fail(c, 'invalid syntax', n);
    return { kind: 'Attribute', value, attr: text(c, prop).normalize('NFKC'), attrSpan: span(c, prop), ...s };
  }
  // subscript: `[` items `]`
  const items = ks.slice(2, ks[ks.length - 1]?.name === ']' ? -1 : undefined);
  const { groups, commas } = splitCommas(items);
  const elts = groups.map((g) => lowerSliceItem(c, g));
  let slice: Expr;
  if (elts.length === 1 && commas === 0) slice = elts[0];
  else {
    if (elts.length === 0) fail(c, 'invalid syntax', n);
    slice = { kind: 'Tuple', elts, parenthesized: false, start: elts[0].start, end: items[items.length - 1].to + c.base };
  }
  return { kind: 'Subscript', value, slice, ...s };
}

function lowerSliceItem(c: Ctx, g: SyntaxNode[]): Expr {
  if (!g.some((k) => k.name === ':')) {
    if (g.length !== 1) fail(c, 'invalid syntax', g[1] ?? g[0]);
    return lowerExpr(c, g[0]);
  }
  const parts: (Expr | null)[] = [null, null, null];
  let p = 0;
  for (const k of g) {
    if (k.name === ':') p++;
    else parts[p] = lowerExpr(c, k);
  }
  return { kind: 'Slice', lower: parts[0], upper: parts[1], step: parts[2], ...spanOf(span(c, g[0]), span(c, g[g.length - 1])) };
}

function lowerYield(c: Ctx, n: SyntaxNode): Expr {
  const ks = kids(n);
  const s = span(c, n);
  if (ks[1]?.name === 'from') return { kind: 'YieldFrom', value: lowerExpr(c, ks[2]), ...s };
  const rest = ks.slice(1);
  return { kind: 'Yield', value: rest.length ? lowerExprList(c, rest) : null, ...s };
}
