// Lowers parameter lists of `def` and `lambda` into ast.arguments: positional-only (before `/`),
// positional, *args, keyword-only, **kwargs, defaults and annotations, with CPython's errors.
import type { Arg, Arguments, Expr, Span } from './ast';
import { type Ctx, type SyntaxNode, fail, kids, span, text } from './cst';
import { lowerExpr } from './lower-expr';

interface Param {
  kind: 'plain' | 'star' | 'starstar' | 'slash';
  arg: Arg | null;
  dflt: Expr | null;
  span: Span;
}

/** `(a, /, b=1, *c, d, **e)`; the `/` is not a node in Lezer's tree, so it is found in the text */
export function lowerParamList(c: Ctx, list: SyntaxNode): Arguments {
  const ks = kids(list);
  const open = ks[0]?.name === '(' ? 1 : 0;
  const close = ks[ks.length - 1]?.name === ')' ? ks.length - 1 : ks.length;
  const innerStart = open ? ks[0].to : list.from;
  const innerEnd = close < ks.length ? ks[close].from : list.to;
  return build(c, ks.slice(open, close), innerStart, innerEnd, span(c, list), true);
}

export function lowerLambdaParams(c: Ctx, list: SyntaxNode | null, whole: Span): Arguments {
  if (!list) return build(c, [], 0, 0, { start: whole.start + 6, end: whole.start + 6 }, false);
  return build(c, kids(list), list.from, list.to, span(c, list), false);
}

function build(c: Ctx, nodes: SyntaxNode[], innerStart: number, innerEnd: number, whole: Span, annotated: boolean): Arguments {
  // split at commas, keeping the text gap of each group to spot `/`
  const params: Param[] = [];
  let groupStart = innerStart;
  const groups: { nodes: SyntaxNode[]; from: number; to: number }[] = [];
  let cur: SyntaxNode[] = [];
  for (const n of nodes) {
    if (n.name === ',') {
      groups.push({ nodes: cur, from: groupStart, to: n.from });
      cur = [];
      groupStart = n.to;
    } else cur.push(n);
  }
  groups.push({ nodes: cur, from: groupStart, to: innerEnd });
  for (const g of groups) {
    const gs = { start: g.from + c.base, end: g.to + c.base };
    const only = g.nodes.length === 1 ? g.nodes[0] : null;
    if (only && only.name === 'VariableName' && text(c, only) === '/') {
      // a lambda's `/`, masked as a name (mask.ts)
      params.push({ kind: 'slash', arg: null, dflt: null, span: span(c, only) });
      continue;
    }
    if (g.nodes.length === 0) {
      if (c.src.slice(gs.start, gs.end).trim() === '/') {
        const at = gs.start + c.src.slice(gs.start, gs.end).indexOf('/');
        params.push({ kind: 'slash', arg: null, dflt: null, span: { start: at, end: at + 1 } });
      }
      continue;
    }
    params.push(lowerParam(c, g.nodes, annotated));
  }
  const out: Arguments = { kind: 'arguments', posonlyargs: [], args: [], vararg: null, kwonlyargs: [], kwDefaults: [], kwarg: null, defaults: [], ...whole };
  let seenStar = false;
  let seenSlash = false;
  let sawDefault = false;
  const names = new Set<string>();
  const checkDup = (a: Arg): void => {
    if (names.has(a.arg)) fail(c, `duplicate argument '${a.arg}' in function definition`, a);
    names.add(a.arg);
  };
  for (let i = 0; i < params.length; i++) {
    const p = params[i];
    if (out.kwarg) fail(c, 'arguments cannot follow var-keyword argument', p.span);
    if (p.kind === 'slash') {
      if (seenSlash) fail(c, '/ may appear only once', p.span);
      if (seenStar) fail(c, '/ must be ahead of *', p.span);
      if (out.args.length === 0) fail(c, 'at least one argument must precede /', p.span);
      seenSlash = true;
      out.posonlyargs = out.args;
      out.args = [];
    } else if (p.kind === 'star') {
      if (seenStar) fail(c, '* argument may appear only once', p.span);
      seenStar = true;
      if (p.arg) {
        checkDup(p.arg);
        out.vararg = p.arg;
      } else {
        const next = params[i + 1];
        if (!next || next.kind === 'starstar') fail(c, 'named arguments must follow bare *', p.span);
      }
    } else if (p.kind === 'starstar') {
      checkDup(p.arg!);
      out.kwarg = p.arg;
    } else if (seenStar) {
      checkDup(p.arg!);
      out.kwonlyargs.push(p.arg!);
      out.kwDefaults.push(p.dflt);
    } else {
      checkDup(p.arg!);
      if (p.dflt) {
        sawDefault = true;
        out.defaults.push(p.dflt);
      } else if (sawDefault) {
        fail(c, c.version === '3.10' || c.version === '3.11' ? 'non-default argument follows default argument' : 'parameter without a default follows parameter with a default', p.arg!);
      }
      out.args.push(p.arg!);
    }
  }
  const all = params.filter((p) => p.kind !== 'slash');
  if (all.length > 0) {
    out.start = all[0].span.start;
    out.end = all[all.length - 1].span.end;
  }
  return out;
}

function lowerParam(c: Ctx, g: SyntaxNode[], annotated: boolean): Param {
  const s = { start: g[0].from + c.base, end: g[g.length - 1].to + c.base };
  let i = 0;
  let kind: Param['kind'] = 'plain';
  if (g[0].name === '*') {
    kind = 'star';
    i = 1;
  } else if (g[0].name === '**') {
    kind = 'starstar';
    i = 1;
  }
  const nameNode = g[i];
  if (!nameNode) {
    if (kind === 'star') return { kind, arg: null, dflt: null, span: s };
    fail(c, 'invalid syntax', g[0]);
  }
  if (nameNode.name !== 'VariableName') fail(c, 'invalid syntax', nameNode);
  let annotation: Expr | null = null;
  let dflt: Expr | null = null;
  let argEnd = nameNode.to + c.base;
  for (let j = i + 1; j < g.length; j++) {
    const k = g[j];
    if (k.name === 'TypeDef' && annotated) {
      const tk = kids(k);
      annotation = lowerExpr(c, tk[tk.length - 1]);
      argEnd = annotation.end;
    } else if (k.name === 'AssignOp') {
      if (kind !== 'plain') fail(c, kind === 'star' ? 'var-positional argument cannot have default value' : 'var-keyword argument cannot have default value', k);
      dflt = lowerExpr(c, g[j + 1]);
      j++;
    } else fail(c, 'invalid syntax', k);
  }
  const arg: Arg = { kind: 'arg', arg: text(c, nameNode).normalize('NFKC'), annotation, start: nameNode.from + c.base, end: argEnd };
  return { kind, arg, dflt, span: s };
}
