// engine/parse entry point: source text -> our typed AST (ast.ts) or the first syntax error as
// CPython reports it. Pipeline: tokenize (lexical errors, line structure) -> mask what Lezer's grammar
// lacks (mask.ts) -> Lezer parse -> errors (errors.ts) -> lower (lower-*.ts) -> compiler-level checks
// (checks.ts). This is the only module of the project that imports the parser library.
import { parser } from '@lezer/python';
import type { PythonVersion } from '../api';
import type { Expr, Module, ParseResult, SyntaxErrorInfo } from './ast';
import { checkModule } from './checks';
import { type Ctx, LowerError, MAX_NESTING, TOO_DEEP, inner, kids } from './cst';
import type { Tree } from '@lezer/common';
import { blockError, firstErrorNode, mapParseError, pickError } from './errors';
import { lowerExpr } from './lower-expr';
import { lowerBlock } from './lower-stmt';
import { mask } from './mask';
import { type Tok, tokenize } from './tokens';

export { LineIndex } from './lines';
export { dumpAst } from './dump';
/** generic AST walking: children of any node (childNodes: in source order) */
export { childNodes, forEachChild } from './checks';

export interface ParseOptions {
  /**
   * CPython version (default 3.12): picks the wording where versions differ, and rejects syntax a
   * version lacks (`except*` before 3.11, `type X = ...` and `def f[T]` before 3.12)
   */
  version?: PythonVersion;
}

export function parse(source: string, options: ParseOptions = {}): ParseResult {
  const version = options.version ?? '3.12';
  const r = parseCatching(source, version);
  if (!r.ok) {
    // CPython often points at a position; an editor needs at least one character to underline
    const { span } = r.error;
    span.start = Math.max(0, Math.min(span.start, source.length));
    span.end = Math.max(span.start, Math.min(span.end, source.length));
    if (span.end <= span.start && span.start < source.length && !/[\r\n]/.test(source[span.start])) span.end = span.start + 1;
  }
  return r;
}

function parseCatching(source: string, version: PythonVersion): ParseResult {
  try {
    return parseInner(source, version);
  } catch (e) {
    if (e instanceof LowerError) return { ok: false, error: { message: e.message, span: e.span, errorType: e.errorType } };
    if (e instanceof RangeError) {
      // a JS stack overflow on pathological nesting: CPython gives up on such input as well
      return { ok: false, error: { message: TOO_DEEP, span: { start: 0, end: 0 }, errorType: 'SyntaxError' } };
    }
    throw e;
  }
}

function parseInner(source: string, version: PythonVersion): ParseResult {
  const lex = tokenize(source);
  // a tokenizer error that raises at once wins over any parser error (errors.ts): no need to parse
  if (lex.error && lex.error.how === 'raise') return { ok: false, error: { message: lex.error.message, errorType: lex.error.errorType, span: { start: lex.error.start, end: lex.error.end } } };
  const masked = mask(source, lex.tokens);
  // a status-only tokenizer error stops the parser there: parse only the text before it
  const text = lex.error && lex.error.how === 'status' ? masked.text.slice(0, lex.error.cut ?? lex.error.start) : masked.text;
  const tree = parser.parse(text);
  let err = firstErrorNode(tree);
  // an error at the end of a cut text only says the text was cut
  if (err && text.length < masked.text.length && err.from >= text.trimEnd().length) err = null;
  if (err && !lex.error && (treeDepth(tree) > MAX_NESTING || countOnLine(lex.tokens, err.from, PREFIX_OPS) > MAX_NESTING)) {
    // Lezer gives up on very deep trees with an error node; CPython too, with a RecursionError
    return { ok: false, error: { message: TOO_DEEP, span: { start: err.from, end: err.to }, errorType: 'SyntaxError' } };
  }
  if (err && !lex.error && countOnLine(lex.tokens, err.from, CHAIN_OPS) > 300) {
    // Lezer forces its way out of a left-associative chain past ~300 operators after 2,000
    // characters (a guard against deep trees); CPython accepts such a line, we cannot
    return { ok: false, error: { message: TOO_LONG, span: { start: err.from, end: err.to }, errorType: 'SyntaxError' } };
  }
  const parseCand = err ? mapParseError(source, lex.tokens, err.from, err.to, version) : null;
  const blockCand = blockError(source, lex.tokens);
  const picked = pickError(source, lex.error, parseCand, blockCand);
  if (picked) return { ok: false, error: picked };
  if (err) return { ok: false, error: { message: 'invalid syntax', span: { start: err.from, end: err.to }, errorType: 'SyntaxError' } };

  const ctx: Ctx = {
    src: source,
    base: 0,
    depth: 0,
    version,
    fragments: masked.fragments,
    bareYields: masked.bareYields,
    stars: masked.stars,
    parseFragment: (start, end) => parseFragment(ctx, start, end),
  };
  const body = lowerBlock(ctx, kids(tree.topNode));
  const module: Module = { kind: 'Module', body, start: 0, end: source.length };
  const semantic: SyntaxErrorInfo | null = checkModule(module, version);
  if (semantic) return { ok: false, error: semantic };
  return { ok: true, module };
}

/** parses source[start, end) (a with-item or decorator) as one expression, with original offsets */
function parseFragment(c: Ctx, start: number, end: number): Expr {
  const text = '(' + c.src.slice(start, end) + ')';
  const tree = parser.parse(text);
  const bad = (): never => {
    throw new LowerError('invalid syntax', { start, end: Math.max(start, end) });
  };
  const err = firstErrorNode(tree);
  if (err) {
    const at = Math.min(Math.max(start, err.from + start - 1), end);
    throw new LowerError('invalid syntax', { start: at, end: Math.min(end, at + Math.max(1, err.to - err.from)) });
  }
  const stmts = kids(tree.topNode);
  if (stmts.length !== 1 || stmts[0].name !== 'ExpressionStatement') bad();
  const ex = kids(stmts[0]);
  if (ex.length !== 1 || ex[0].name !== 'ParenthesizedExpression') bad();
  const sub: Ctx = { ...c, base: start - 1 };
  const ks = inner(ex[0]);
  if (ks.length !== 1) bad();
  const e = lowerExpr(sub, ks[0]);
  c.depth = Math.max(c.depth, sub.depth);
  return e;
}

const TOO_LONG = 'expression too long: more than 300 chained operators in one expression are not supported';
const CHAIN_OPS = new Set(['+', '-', '*', '/', '//', '%', '**', '@', '<<', '>>', '&', '|', '^', '<', '>', '==', '!=', '<=', '>=', 'and', 'or', 'in', 'is', 'if', 'else']);

const PREFIX_OPS = new Set(['lambda', 'not', '-', '+', '~', 'await', '(', '[', '{', '.']);

/** how many tokens of `set` the logical line holding `pos` has */
function countOnLine(toks: Tok[], pos: number, set: Set<string>): number {
  let i = toks.findIndex((t) => t.end >= pos);
  if (i < 0) i = toks.length - 1;
  let s = i;
  while (s > 0 && toks[s - 1].kind !== 'newline') s--;
  let count = 0;
  for (let j = s; j < toks.length && toks[j].kind !== 'newline'; j++) if (toks[j].kind !== 'string' && set.has(toks[j].text)) count++;
  return count;
}

/** depth of a Lezer tree, without recursion */
function treeDepth(tree: Tree): number {
  const cur = tree.cursor();
  let depth = 0;
  let max = 0;
  for (;;) {
    if (cur.firstChild()) {
      depth++;
      if (depth > max) max = depth;
      continue;
    }
    while (!cur.nextSibling()) {
      if (!cur.parent()) return max;
      depth--;
    }
  }
}
