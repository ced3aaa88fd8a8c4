// The lowering context and helpers over Lezer's concrete tree. Lezer node names stay inside
// engine/parse: lower-*.ts read them through these helpers and produce ast.ts nodes only.
import type { SyntaxNode } from '@lezer/common';
import type { Span } from './ast';
import type { PythonVersion } from '../api';

export type { SyntaxNode };

/**
 * Expression nesting the lowering accepts (CPython 3.10-3.12 compile about 2,000 levels and raise
 * RecursionError near 5,000; Lezer itself stops near 2,000). Deeper input gets TOO_DEEP.
 */
export const MAX_NESTING = 1000;
export const TOO_DEEP = 'too many nested expressions: Python source too complex to parse';

export class LowerError extends Error {
  constructor(
    message: string,
    readonly span: Span,
    readonly errorType: 'SyntaxError' | 'IndentationError' | 'TabError' = 'SyntaxError',
  ) {
    super(message);
  }
}

/** A header the pre-pass hid from Lezer (with-items, decorator expressions), by keyword offset. */
export interface Fragment {
  /** offset of the `with` keyword or of the `@` */
  key: number;
  /** the hidden source range */
  start: number;
  end: number;
  /** with-items (`expr as target`), or the one decorator expression */
  items: { expr: Span; target: Span | null }[];
}

export interface Ctx {
  /** the original source: all text is read from it (Lezer saw a masked copy of the same length) */
  src: string;
  /** added to Lezer offsets (non-zero when lowering a fragment parsed on its own) */
  base: number;
  depth: number;
  version: PythonVersion;
  fragments: Map<number, Fragment>;
  /** offsets of bare `yield` keywords that Lezer saw as names (see mask.ts) */
  bareYields: Set<number>;
  /** operand start -> offset of a `*` hidden from Lezer (see mask.ts) */
  stars: Map<number, number>;
  /** parses src[start, end) as one expression list and lowers it (set by index.ts) */
  parseFragment: (start: number, end: number, what: 'exprs' | 'target') => import('./ast').Expr;
}

const SKIP = new Set(['Comment']);

/** children of a node, comments left out */
export function kids(n: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let ch = n.firstChild; ch; ch = ch.nextSibling) if (!SKIP.has(ch.name)) out.push(ch);
  return out;
}

export function span(c: Ctx, n: SyntaxNode): Span {
  return { start: n.from + c.base, end: n.to + c.base };
}

export function spanOf(a: Span, b: Span): Span {
  return { start: a.start, end: b.end };
}

export function text(c: Ctx, n: SyntaxNode): string {
  return c.src.slice(n.from + c.base, n.to + c.base);
}

/** splits children at `,` nodes; `trailing` tells whether the list ended with a comma */
export function splitCommas(nodes: SyntaxNode[]): { groups: SyntaxNode[][]; commas: number } {
  const groups: SyntaxNode[][] = [];
  let cur: SyntaxNode[] = [];
  let commas = 0;
  for (const n of nodes) {
    if (n.name === ',') {
      groups.push(cur);
      cur = [];
      commas++;
    } else cur.push(n);
  }
  if (cur.length > 0) groups.push(cur);
  return { groups, commas };
}

const PUNCT = new Set(['(', ')', '[', ']', '{', '}']);
/** children without the enclosing brackets */
export function inner(n: SyntaxNode): SyntaxNode[] {
  return kids(n).filter((k) => !PUNCT.has(k.name));
}

export function fail(c: Ctx, message: string, n: SyntaxNode | Span): never {
  const s = 'from' in n ? span(c, n) : n;
  throw new LowerError(message, s);
}
