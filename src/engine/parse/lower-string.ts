// Lowers string literals: plain, bytes and f-strings, and implicit concatenation of several of them,
// the way CPython's parser does: adjacent literal pieces merge, empty pieces vanish, `{x=}` becomes
// the literal text "x=" followed by the value with !r (or no conversion when a format spec is given).
// Version note: 3.12 adds an empty Constant('') after a replacement nested in a format spec; 3.10,
// 3.11 and 3.13 do not, and neither do we (it changes nothing at run time).
import type { Constant, Expr, FormattedValue, JoinedStr, Span } from './ast';
import { type Ctx, type SyntaxNode, LowerError, fail, kids, span, text } from './cst';
import { StringError, decodeBody, stringParts, toBytes } from './strings';

type ListLowerer = (c: Ctx, nodes: SyntaxNode[]) => Expr;

export function lowerString(c: Ctx, n: SyntaxNode, lowerList: ListLowerer): Expr {
  try {
    return lowerStringInner(c, n, lowerList);
  } catch (e) {
    // a `\N{...}` name we do not know may well be valid: the string is then outside the subset
    if (e instanceof UnknownName) return { kind: 'UnsupportedExpr', construct: `\\N{${e.charName}} escapes (character names outside the built-in table)`, ...span(c, n) };
    throw e;
  }
}

class UnknownName extends Error {
  constructor(readonly charName: string) {
    super(charName);
  }
}

function rethrow(c: Ctx, e: unknown, at: SyntaxNode | Span): never {
  if (e instanceof StringError) {
    if (e.unknownName !== null) throw new UnknownName(e.unknownName);
    if ('from' in at) fail(c, e.message, at);
    throw new LowerError(e.message, at);
  }
  throw e;
}

function lowerStringInner(c: Ctx, n: SyntaxNode, lowerList: ListLowerer): Expr {
  const s = span(c, n);
  const pieces = n.name === 'ContinuedString' ? kids(n) : [n];
  const anyF = pieces.some((p) => p.name === 'FormatString');
  const kinds = new Set(pieces.map((p) => stringParts(text(c, p)).bytes));
  if (kinds.size > 1) fail(c, 'cannot mix bytes and nonbytes literals', n);
  if (kinds.has(true)) {
    let out = '';
    for (const p of pieces) out += decodePiece(c, p, true);
    return { kind: 'Constant', value: { type: 'bytes', value: toBytes(out) }, ...s };
  }
  if (!anyF) {
    let out = '';
    for (const p of pieces) out += decodePiece(c, p, false);
    return { kind: 'Constant', value: { type: 'str', value: out }, ...s };
  }
  const values: Expr[] = [];
  for (const p of pieces) {
    if (p.name === 'FormatString') lowerFString(c, p, lowerList, values);
    else pushLiteral(values, decodePiece(c, p, false), span(c, p));
  }
  return { kind: 'JoinedStr', values, ...s };
}

function decodePiece(c: Ctx, p: SyntaxNode, bytes: boolean): string {
  const t = text(c, p);
  const parts = stringParts(t);
  try {
    return decodeBody(t.slice(parts.bodyStart, parts.bodyEnd), parts.raw, bytes);
  } catch (e) {
    return rethrow(c, e, p);
  }
}

/** appends literal text, merging with a preceding literal as CPython does */
function pushLiteral(values: Expr[], value: string, s: Span): void {
  if (value === '') return;
  const last = values[values.length - 1];
  if (last && last.kind === 'Constant' && last.value.type === 'str') {
    values[values.length - 1] = { ...last, value: { type: 'str', value: last.value.value + value }, end: s.end };
    return;
  }
  const k: Constant = { kind: 'Constant', value: { type: 'str', value }, ...s };
  values.push(k);
}

function lowerFString(c: Ctx, p: SyntaxNode, lowerList: ListLowerer, values: Expr[]): void {
  const t = text(c, p);
  const parts = stringParts(t);
  const from = p.from + c.base;
  const bodyStart = from + parts.bodyStart;
  const bodyEnd = from + parts.bodyEnd;
  literalsAround(c, kids(p).filter((k) => k.name === 'FormatReplacement'), bodyStart, bodyEnd, parts.raw, lowerList, values);
}

/** the literal text between replacement fields, and the fields themselves, in order */
function literalsAround(
  c: Ctx,
  fields: SyntaxNode[],
  start: number,
  end: number,
  raw: boolean,
  lowerList: ListLowerer,
  values: Expr[],
  specDepth = 0,
): void {
  let at = start;
  for (const f of fields) {
    const fs = span(c, f);
    literal(c, at, fs.start, raw, values);
    lowerField(c, f, raw, lowerList, values, specDepth);
    at = fs.end;
  }
  literal(c, at, end, raw, values);
}

function literal(c: Ctx, start: number, end: number, raw: boolean, values: Expr[]): void {
  if (end <= start) return;
  try {
    pushLiteral(values, decodeBody(c.src.slice(start, end), raw, false, true), { start, end });
  } catch (e) {
    rethrow(c, e, { start, end });
  }
}

const CONVERSIONS: Record<string, FormattedValue['conversion']> = { s: 115, r: 114, a: 97 };

/** fields nested in format specs: 3.12 allows `{x:{y:{z}}}`, 3.10 and 3.11 one level less */
function maxSpecDepth(c: Ctx): number {
  return c.version === '3.10' || c.version === '3.11' ? 1 : 2;
}

function lowerField(c: Ctx, f: SyntaxNode, raw: boolean, lowerList: ListLowerer, values: Expr[], specDepth: number): void {
  if (specDepth > maxSpecDepth(c)) fail(c, 'f-string: expressions nested too deeply', f);
  const ks = kids(f);
  const s = span(c, f);
  const tail = ks.findIndex((k) => k.name === 'FormatSelfDoc' || k.name === 'FormatConversion' || k.name === 'FormatSpec' || k.name === '}');
  const exprNodes = ks.slice(1, tail < 0 ? ks.length : tail);
  if (exprNodes.length === 0) {
    const close = ks[tail] ?? f;
    fail(c, c.version === '3.10' || c.version === '3.11' ? 'f-string: empty expression not allowed' : "f-string: valid expression required before '}'", close);
  }
  const value = lowerList(c, exprNodes);
  const selfDoc = ks.find((k) => k.name === 'FormatSelfDoc');
  const conv = ks.find((k) => k.name === 'FormatConversion');
  const spec = ks.find((k) => k.name === 'FormatSpec');
  let conversion: FormattedValue['conversion'] = conv ? CONVERSIONS[text(c, conv)[1]] : -1;
  if (selfDoc) {
    // the text from after `{` through `=` and the spaces after it
    const next = ks[ks.indexOf(selfDoc) + 1];
    const litEnd = next ? next.from + c.base : selfDoc.to + c.base;
    pushLiteral(values, c.src.slice(ks[0].to + c.base, litEnd), { start: ks[0].to + c.base, end: litEnd });
    if (!conv && !spec) conversion = 114;
  }
  let formatSpec: JoinedStr | null = null;
  if (spec) {
    const ss = span(c, spec);
    const specValues: Expr[] = [];
    const nested = kids(spec).filter((k) => k.name === 'FormatReplacement');
    literalsAround(c, nested, ss.start + 1, ss.end, raw, lowerList, specValues, specDepth + 1);
    formatSpec = { kind: 'JoinedStr', values: specValues, ...ss };
  }
  values.push({ kind: 'FormattedValue', value, conversion, formatSpec, ...s });
}
