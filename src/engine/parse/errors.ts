// Syntax errors as CPython reports them. Three sources, merged the way CPython's tokenizer and
// PEG parser interact: lexical errors (tokens.ts), block-structure errors found on the token stream
// ("expected an indented block after 'if' statement on line N", "unexpected indent"), and the first
// error node of Lezer's error-tolerant tree, mapped to CPython's message where the context says which
// (expected ':', a missing comma, '=' for '=='...), else "invalid syntax". As in CPython, a lexical
// error anywhere in the file wins over a generic "invalid syntax" found before it (CPython tokenizes
// the rest of the file before reporting one), but not over a specific parser message.
import type { SyntaxNode, Tree } from '@lezer/common';
import type { SyntaxErrorInfo } from './ast';
import type { LexError, Tok } from './tokens';
import type { PythonVersion } from '../api';

export interface Candidate extends SyntaxErrorInfo {
  /** true for a bare "invalid syntax" */
  generic: boolean;
}

const BLOCK_NAMES: Record<string, string> = {
  if: "'if' statement",
  elif: "'elif' statement",
  else: "'else' statement",
  while: "'while' statement",
  for: "'for' statement",
  with: "'with' statement",
  try: "'try' statement",
  except: "'except' statement",
  finally: "'finally' statement",
  def: 'function definition',
  class: 'class definition',
  match: "'match' statement",
  case: "'case' statement",
};
const COMPOUND = new Set(Object.keys(BLOCK_NAMES));

function headerKeyword(line: Tok[]): string | null {
  let t = line[0];
  if (t.text === 'async' && line[1]) t = line[1];
  return t.kind === 'name' && COMPOUND.has(t.text) ? t.text : null;
}

/** line number (1-based) of an offset, counting \n, \r\n and \r */
export function lineNo(src: string, off: number): number {
  let n = 1;
  for (let i = 0; i < off && i < src.length; i++) {
    const c = src.charCodeAt(i);
    if (c === 10 || (c === 13 && src.charCodeAt(i + 1) !== 10)) n++;
  }
  return n;
}

/** index of the first token after the block that starts after toks[colon] (a `:`), or -1 */
function afterBlock(toks: Tok[], colon: number): number {
  let j = colon + 1;
  if (toks[j]?.kind !== 'newline') {
    while (j < toks.length && toks[j].kind !== 'newline') j++;
    return j + 1;
  }
  if (toks[j + 1]?.kind !== 'indent') return -1;
  let depth = 0;
  for (j = j + 1; j < toks.length; j++) {
    if (toks[j].kind === 'indent') depth++;
    else if (toks[j].kind === 'dedent' && --depth === 0) {
      while (toks[j]?.kind === 'dedent') j++;
      return j;
    }
  }
  return -1;
}

/** "expected an indented block ...", "unexpected indent", a `try` without handlers: token level */
export function blockError(src: string, toks: Tok[]): (Candidate & { anchor: number }) | null {
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (t.kind === 'name' && t.text === 'try' && toks[i + 1]?.text === ':' && (i === 0 || ['newline', 'indent', 'dedent'].includes(toks[i - 1].kind))) {
      const j = afterBlock(toks, i + 1);
      const next = j >= 0 ? toks[j] : undefined;
      if (next && next.kind !== 'end' && !(next.kind === 'name' && (next.text === 'except' || next.text === 'finally'))) {
        return { message: "expected 'except' or 'finally' block", errorType: 'SyntaxError', span: { start: next.start, end: next.end }, generic: false, anchor: next.start };
      }
    }
    if (t.kind === 'newline') {
      const prev = toks[i - 1];
      if (!prev || prev.kind !== 'op' || prev.text !== ':') continue;
      const line = lineStartTokens(toks, i);
      const kw = headerKeyword(line);
      if (!kw) continue;
      let j = i + 1;
      if (toks[j]?.kind === 'indent') continue;
      while (toks[j]?.kind === 'dedent') j++;
      const next = toks[j];
      // at the end of the file CPython points at the header line, or at the last line when only
      // comments follow
      const eofAt = src.slice(t.end).trim() ? src.length : t.start;
      const at = next && next.kind !== 'end' ? next : { start: eofAt, end: eofAt };
      const name = kw === 'except' && line[1]?.text === '*' ? "'except*' statement" : BLOCK_NAMES[kw];
      return {
        message: `expected an indented block after ${name} on line ${lineNo(src, line[0].start)}`,
        errorType: 'IndentationError',
        span: { start: at.start, end: at.end },
        generic: false,
        anchor: t.start,
      };
    }
    if (t.kind === 'indent') {
      const prev = toks[i - 2];
      if (prev && prev.kind === 'op' && prev.text === ':') continue;
      if (i === 0 || toks[i - 1]?.kind === 'newline' || toks[i - 1]?.kind === 'dedent') {
        const next = toks[i + 1] ?? t;
        return { message: 'unexpected indent', errorType: 'IndentationError', span: { start: next.start, end: next.end }, generic: false, anchor: t.start };
      }
    }
  }
  return null;
}

function lineStartTokens(toks: Tok[], newlineAt: number): Tok[] {
  let j = newlineAt - 1;
  while (j >= 0 && toks[j].kind !== 'newline' && toks[j].kind !== 'indent' && toks[j].kind !== 'dedent') j--;
  return toks.slice(j + 1, newlineAt);
}

/**
 * Lezer's `case` patterns miss some valid forms (`case C():`); a `match` statement is Unsupported
 * anyway, so errors inside its patterns are not reported (errors in the clause bodies are).
 */
function inPattern(n: SyntaxNode | null): boolean {
  for (let p = n; p; p = p.parent) {
    if (p.name === 'PatternArgList' || p.name.endsWith('Pattern')) return true;
    if (p.name === 'Body' || p.name === 'MatchStatement') return false;
  }
  return false;
}

/** position of the first error node of a Lezer tree, or null */
export function firstErrorNode(tree: Tree): { from: number; to: number } | null {
  let found: { from: number; to: number } | null = null;
  tree.iterate({
    enter(n) {
      if (found) return false;
      if (n.type.isError) {
        if (inPattern(n.node)) return false;
        found = { from: n.from, to: n.to };
        return false;
      }
      return undefined;
    },
  });
  return found;
}

const EXPR_END = (t: Tok): boolean =>
  t.kind === 'number' || t.kind === 'string' || (t.kind === 'name' && !KEYWORDS.has(t.text)) || (t.kind === 'op' && [')', ']', '}'].includes(t.text));
const EXPR_START = (t: Tok): boolean =>
  t.kind === 'number' || t.kind === 'string' || (t.kind === 'name' && !KEYWORDS.has(t.text)) || (t.kind === 'op' && ['(', '[', '{', '~'].includes(t.text));
const KEYWORDS = new Set([
  'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def', 'del', 'elif', 'else',
  'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or', 'pass',
  'raise', 'return', 'try', 'while', 'with', 'yield',
]);
const VALUE_KW = new Set(['True', 'False', 'None']);

/** maps Lezer's first error (at `pos`) to CPython's message using the tokens around it */
export function mapParseError(src: string, toks: Tok[], pos: number, errEnd: number, version: PythonVersion): Candidate {
  let i = toks.findIndex((t) => t.end > pos || (t.start >= pos && t.kind !== 'dedent'));
  // past the last token: the parser met the end of the file
  if (i < 0) return { message: 'invalid syntax', errorType: 'SyntaxError', span: { start: pos, end: pos }, generic: true };
  let tok = toks[i];
  while (tok && (tok.kind === 'dedent' || tok.kind === 'indent') && i + 1 < toks.length) tok = toks[++i];
  const prev = toks[i - 1];
  const generic = (t: Tok): Candidate => ({ message: 'invalid syntax', errorType: 'SyntaxError', span: { start: t.start, end: Math.max(t.end, t.start + (t.kind === 'newline' || t.kind === 'end' ? 0 : 1)) }, generic: true });
  if (!tok) return { message: 'invalid syntax', errorType: 'SyntaxError', span: { start: pos, end: errEnd }, generic: true };
  // line context
  let ls = i;
  while (ls > 0 && !['newline', 'indent', 'dedent'].includes(toks[ls - 1].kind)) ls--;
  const lineToks = toks.slice(ls, i);
  const kw = lineToks.length ? headerKeyword(lineToks) : null;
  const depth = bracketDepth(lineToks);
  const specific = (message: string, start: number, end: number): Candidate => ({ message, errorType: 'SyntaxError', span: { start, end }, generic: false });
  const fs = fstringError(tok, pos, version);
  if (fs) return fs;
  // `print x, y`, `exec 'code'`: Python 2's print and exec statements
  const first = lineToks[0];
  const legacy = first && first.kind === 'name' && (first.text === 'print' || first.text === 'exec') ? first.text : null;
  if (legacy && ((lineToks[1] && EXPR_START(lineToks[1])) || (lineToks.length === 1 && EXPR_START(tok)))) {
    let e = i;
    while (e < toks.length && toks[e].kind !== 'newline' && toks[e].kind !== 'end') e++;
    return specific(`Missing parentheses in call to '${legacy}'. Did you mean ${legacy}(...)?`, first.start, toks[e - 1]?.end ?? tok.end);
  }
  // `import` / `from m import` with nothing after: 3.13 says so
  if (version === '3.13' && prev?.kind === 'name' && prev.text === 'import' && (tok.kind === 'newline' || tok.kind === 'end')) {
    return specific("Expected one or more names after 'import'", tok.start, tok.end);
  }
  // `f(True=1)`
  if (tok.text === '=' && prev && VALUE_KW.has(prev.text) && depth > 0 && ['(', ','].includes(lineToks[lineToks.length - 2]?.text ?? '')) {
    return specific(`cannot assign to ${prev.text}`, prev.start, prev.end);
  }
  // `a if b` without else
  const ifAt = lastIndexAtDepth(lineToks, 'if');
  if (ifAt > 0 && !lineToks.slice(ifAt).some((t) => t.text === 'else') && !(tok.kind === 'name' && tok.text === 'else') && !['for', 'async'].includes(lineToks[0].text) && !isCompIf(lineToks, ifAt)) {
    const bodyStart = argStart(lineToks, exprOpen(lineToks, ifAt));
    return specific("expected 'else' after 'if' expression", bodyStart.start, prev ? prev.end : tok.start);
  }
  // `{1: 2, 3}`: a dict display whose last key has no value
  const open = innermostOpen(lineToks);
  if (open && open.tok.text === '{' && tok.kind === 'op' && (tok.text === '}' || tok.text === ',')) {
    const inside = lineToks.slice(open.idx + 1);
    const groups = splitTop(inside);
    const last = groups[groups.length - 1];
    if (groups.length > 1 && groups.slice(0, -1).some((g) => g.some((t) => t.text === ':')) && last.length && !last.some((t) => t.text === ':')) {
      return specific("':' expected after dictionary key", last[0].start, last[last.length - 1].end);
    }
  }
  const headerColon = lineToks.some((t, k) => t.kind === 'op' && t.text === ':' && bracketDepth(lineToks.slice(0, k)) === 0);
  if ((tok.kind === 'newline' || tok.kind === 'end') && kw && prev && !headerColon && depth === 0) {
    if (kw !== 'else' && kw !== 'try' && kw !== 'finally' || lineToks.length === 1) {
      return { message: "expected ':'", errorType: 'SyntaxError', span: { start: prev.end, end: prev.end }, generic: false };
    }
  }
  // forced tokens in CPython's grammar: `else`, `finally`, `try` take ':' next; `def name` takes '('
  if (kw && ['else', 'finally', 'try'].includes(kw) && lineToks.length === 1 && tok.text !== ':') {
    return specific("expected ':'", tok.start, tok.end);
  }
  if (kw === 'def' && lineToks.length === 2 && lineToks[1].kind === 'name' && tok.text !== '(') return specific("expected '('", tok.start, tok.end);
  if (kw === 'def' && depth === 0 && lineToks[2]?.text === '(' && tok.text !== ':' && tok.text !== '->' && tok.kind !== 'newline' && prev && (prev.text === ')' || lineToks.some((t) => t.text === '->'))) {
    return specific("expected ':'", tok.start, tok.end);
  }
  if (kw === 'def' && version !== '3.10' && depth === 1 && prev?.kind === 'op' && prev.text === '=' && (tok.text === ',' || tok.text === ')')) {
    return specific('expected default value expression', prev.start, prev.end);
  }
  if (tok.kind === 'op' && tok.text === '=' && prev && depth === 0 && (kw === 'if' || kw === 'elif' || kw === 'while')) {
    const next = toks[i + 1];
    return {
      message: "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
      errorType: 'SyntaxError',
      span: { start: lineToks[1]?.start ?? prev.start, end: next && next.kind !== 'newline' ? next.end : tok.end },
      generic: false,
    };
  }
  if (tok.kind === 'op' && tok.text === '=' && prev && depth > 0 && lineToks.length >= 2) {
    const open = innermostOpen(lineToks);
    if (open && open.tok.text === '(' && open.idx > 0 && EXPR_END(lineToks[open.idx - 1]) && !(prev.kind === 'name' && lineToks[lineToks.length - 2]?.text === ',') && lineToks.length - open.idx > 2) {
      const startTok = argStart(lineToks, open.idx);
      return { message: 'expression cannot contain assignment, perhaps you meant "=="?', errorType: 'SyntaxError', span: { start: startTok.start, end: tok.start }, generic: false };
    }
  }
  const inComprehension = open !== null && lineToks.slice(open.idx + 1).some((t) => t.kind === 'name' && t.text === 'for');
  // the comma hint needs both expressions on one line (across lines, an unclosed bracket is the story)
  const sameLine = !!prev && !/[\r\n]/.test(src.slice(prev.end, tok.start));
  if (depth > 0 && prev && sameLine && EXPR_END(prev) && EXPR_START(tok) && !VALUE_KW.has(tok.text) && !inComprehension) {
    const startTok = exprStart(lineToks);
    return { message: 'invalid syntax. Perhaps you forgot a comma?', errorType: 'SyntaxError', span: { start: startTok.start, end: tok.end }, generic: false };
  }
  return generic(tok);
}

/** f-string errors Lezer only sees as a bad token: a bad conversion, an empty `{}` */
function fstringError(tok: Tok, pos: number, version: PythonVersion): Candidate | null {
  if (tok.kind !== 'string' || !/^[a-zA-Z]*[fF]/.test(tok.text) || pos < tok.start || pos > tok.end) return null;
  const old = version === '3.10' || version === '3.11';
  const missing = /![}:]/.exec(tok.text);
  if (missing && !old) {
    const at = tok.start + missing.index + 1;
    return { message: 'f-string: missing conversion character', errorType: 'SyntaxError', span: { start: at, end: at + 1 }, generic: false };
  }
  const conv = /![^sra=\s]/.exec(tok.text);
  const empty = /\{\s*[}!:=]/.exec(tok.text.replace(/\{\{/g, '__'));
  if (empty && (!conv || empty.index < conv.index)) {
    const at = tok.start + empty.index + empty[0].length - 1;
    return { message: old ? 'f-string: empty expression not allowed' : "f-string: valid expression required before '}'", errorType: 'SyntaxError', span: { start: at, end: at + 1 }, generic: false };
  }
  if (conv) {
    const at = tok.start + conv.index;
    return {
      message: old ? "f-string: invalid conversion character: expected 's', 'r', or 'a'" : `f-string: invalid conversion character '${conv[0][1]}': expected 's', 'r', or 'a'`,
      errorType: 'SyntaxError',
      span: { start: at + 1, end: at + 2 },
      generic: false,
    };
  }
  return null;
}

/** index of the last `word` name token at bracket depth 0 of the innermost open bracket, or -1 */
function lastIndexAtDepth(ts: Tok[], word: string): number {
  const open = innermostOpen(ts);
  let d = 0;
  for (let j = ts.length - 1; j > (open ? open.idx : -1); j--) {
    const t = ts[j];
    if (t.kind === 'op' && ')]}'.includes(t.text)) d++;
    else if (t.kind === 'op' && '([{'.includes(t.text)) d--;
    else if (d === 0 && t.kind === 'name' && t.text === word) return j;
  }
  return -1;
}

/** the `if` at ifAt belongs to a comprehension (`for ... in ... if`) or a statement header */
function isCompIf(ts: Tok[], ifAt: number): boolean {
  const open = innermostOpen(ts.slice(0, ifAt));
  for (let j = ifAt - 1; j > (open ? open.idx : -1); j--) if (ts[j].kind === 'name' && ts[j].text === 'for') return true;
  return false;
}

function exprOpen(ts: Tok[], at: number): number {
  const open = innermostOpen(ts.slice(0, at));
  if (open) return open.idx;
  // statement level: after the last `=` (or the line start)
  for (let j = at - 1; j >= 0; j--) if (ts[j].kind === 'op' && (ts[j].text === '=' || ts[j].text === 'return')) return j;
  return -1;
}

/** top-level comma groups */
function splitTop(ts: Tok[]): Tok[][] {
  const out: Tok[][] = [[]];
  let d = 0;
  for (const t of ts) {
    if (t.kind === 'op' && '([{'.includes(t.text)) d++;
    else if (t.kind === 'op' && ')]}'.includes(t.text)) d--;
    if (d === 0 && t.kind === 'op' && t.text === ',') out.push([]);
    else out[out.length - 1].push(t);
  }
  return out;
}

function bracketDepth(ts: Tok[]): number {
  let d = 0;
  for (const t of ts) {
    if (t.kind !== 'op') continue;
    if ('([{'.includes(t.text)) d++;
    else if (')]}'.includes(t.text)) d--;
  }
  return d;
}

function innermostOpen(ts: Tok[]): { tok: Tok; idx: number } | null {
  let d = 0;
  for (let j = ts.length - 1; j >= 0; j--) {
    const t = ts[j];
    if (t.kind !== 'op') continue;
    if (')]}'.includes(t.text)) d++;
    else if ('([{'.includes(t.text)) {
      if (d === 0) return { tok: t, idx: j };
      d--;
    }
  }
  return null;
}

/** first token of the argument that ends the line so far (after the last `,` or the open bracket) */
function argStart(ts: Tok[], openIdx: number): Tok {
  if (openIdx < 0) return ts[0];
  let d = 0;
  let start = openIdx + 1;
  for (let j = openIdx + 1; j < ts.length; j++) {
    const t = ts[j];
    if (t.kind === 'op' && '([{'.includes(t.text)) d++;
    else if (t.kind === 'op' && ')]}'.includes(t.text)) d--;
    else if (d === 0 && t.kind === 'op' && t.text === ',') start = j + 1;
  }
  return ts[Math.min(start, ts.length - 1)];
}

/** start of the expression before a missing comma: the argument start within the innermost bracket */
function exprStart(ts: Tok[]): Tok {
  const open = innermostOpen(ts);
  return open ? argStart(ts, open.idx) : ts[0];
}

/**
 * The error CPython reports, given the candidates (after Parser/pegen_errors.c): a tokenizer error
 * that raises at once wins over any parser error, wherever it is (CPython tokenizes the rest of the
 * file before reporting a parser error); a status-only tokenizer error counts only if the parser
 * got that far; "'(' was never closed" wins unless the parser error is on the bracket's own line.
 */
export function pickError(src: string, lex: LexError | null, parse: Candidate | null, block: (Candidate & { anchor: number }) | null): SyntaxErrorInfo | null {
  let p: Candidate | null = parse;
  if (block && (!p || p.span.start >= block.anchor)) p = block;
  if (!lex) return p ? strip(p) : null;
  const t: SyntaxErrorInfo = { message: lex.message, errorType: lex.errorType, span: { start: lex.start, end: lex.end } };
  if (!p || lex.how === 'raise') return t;
  if (lex.how === 'status') return p.span.start < (lex.cut ?? lex.start) ? strip(p) : t;
  const atEof = src.slice(p.span.start).trim() === '';
  return lineNo(src, p.span.start) <= lineNo(src, lex.start) && !atEof ? strip(p) : t;
}

function strip(c: Candidate): SyntaxErrorInfo {
  return { message: c.message, errorType: c.errorType, span: c.span };
}
