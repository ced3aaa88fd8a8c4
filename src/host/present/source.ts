// A light Python lexer for the editor side: which token sits under the cursor (and whether it is a
// plain name, an attribute target or a parameter), which physical lines form one logical statement,
// and where a function's body lies. Never throws; strings and comments are never taken for names.

export interface SrcToken {
  kind: 'name' | 'op';
  text: string;
  start: number;
  end: number;
  /** 1-based physical line */
  line: number;
  /** bracket depth before the token */
  depth: number;
}

export interface ScannedSource {
  source: string;
  tokens: SrcToken[];
  /** offset of the start of each 1-based line (index 0 unused) */
  lineStarts: number[];
  /** for each 1-based line, the first line of its logical statement */
  logicalStart: number[];
  /** offsets covered by strings or comments, as [start, end) pairs in order */
  opaque: [number, number][];
}

const PY_KEYWORDS = new Set([
  'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def', 'del',
  'elif', 'else', 'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal',
  'not', 'or', 'pass', 'raise', 'return', 'try', 'while', 'with', 'yield',
]);
const STRING_PREFIX = /^(?:[rRbBuUfF]|[rR][bBfF]|[bBfF][rR])$/;
const ID_START = /[\p{L}\p{Nl}_]/u;
const ID_CHAR = /[\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}_]/u;

export function isKeyword(word: string): boolean {
  return PY_KEYWORDS.has(word);
}

let cache: ScannedSource | undefined;

export function scan(source: string): ScannedSource {
  if (cache && cache.source === source) return cache;
  const tokens: SrcToken[] = [];
  const lineStarts = [0, 0];
  const logicalStart = [0, 1];
  const opaque: [number, number][] = [];
  let line = 1;
  let depth = 0;
  let continued = false; // backslash continuation or open triple-quoted string
  const newline = (at: number) => {
    line++;
    lineStarts[line] = at;
    logicalStart[line] = depth > 0 || continued ? logicalStart[line - 1]! : line;
    continued = false;
  };
  let i = 0;
  const n = source.length;
  while (i < n) {
    const c = source[i]!;
    if (c === '\n' || c === '\r') {
      if (c === '\r' && source[i + 1] === '\n') i++;
      i++;
      newline(i);
      continue;
    }
    if (c === '#') {
      const s = i;
      while (i < n && source[i] !== '\n' && source[i] !== '\r') i++;
      opaque.push([s, i]);
      continue;
    }
    if (c === '\\' && (source[i + 1] === '\n' || source[i + 1] === '\r')) {
      i++;
      if (source[i] === '\r' && source[i + 1] === '\n') i++;
      i++;
      continued = true;
      newline(i);
      continue;
    }
    if (c === '"' || c === "'") {
      i = scanString(source, i, i, (at) => { continued = true; newline(at); }, opaque);
      continue;
    }
    if (ID_START.test(c)) {
      const s = i;
      i++;
      while (i < n && ID_CHAR.test(source[i]!)) i++;
      const word = source.slice(s, i);
      if ((source[i] === '"' || source[i] === "'") && STRING_PREFIX.test(word)) {
        const startLine = line;
        const q = i;
        i = scanString(source, s, i, (at) => { continued = true; newline(at); }, opaque);
        if (/[fF]/.test(word)) fStringCode(source, s, q, i, startLine, depth, tokens, opaque);
        continue;
      }
      tokens.push({ kind: 'name', text: word, start: s, end: i, line, depth });
      continue;
    }
    if (c >= '0' && c <= '9') {
      while (i < n && /[0-9a-zA-Z_.]/.test(source[i]!)) {
        if ((source[i] === 'e' || source[i] === 'E') && (source[i + 1] === '+' || source[i + 1] === '-')) i++;
        i++;
      }
      continue;
    }
    if (c === '(' || c === '[' || c === '{') {
      tokens.push({ kind: 'op', text: c, start: i, end: i + 1, line, depth });
      depth++;
      i++;
      continue;
    }
    if (c === ')' || c === ']' || c === '}') {
      depth = Math.max(0, depth - 1);
      tokens.push({ kind: 'op', text: c, start: i, end: i + 1, line, depth });
      i++;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\f') {
      i++;
      continue;
    }
    // operators: keep the ones the classifier needs as one token each
    const two = source.slice(i, i + 2);
    const op = ['**', '->', '==', '!=', '<=', '>=', ':=', '//'].includes(two) ? two : c;
    tokens.push({ kind: 'op', text: op, start: i, end: i + op.length, line, depth });
    i += op.length;
  }
  cache = { source, tokens, lineStarts, logicalStart, opaque };
  return cache;
}

/** Scans a string literal whose quote is at `q` (prefix starts at `s`); returns the offset after it. */
function scanString(src: string, s: number, q: number, onNewline: (at: number) => void, opaque: [number, number][]): number {
  const quote = src[q]!;
  const triple = src.startsWith(quote.repeat(3), q);
  let i = q + (triple ? 3 : 1);
  const n = src.length;
  while (i < n) {
    const c = src[i]!;
    if (c === '\\') {
      i += 2;
      if (src[i - 1] === '\n') onNewline(i);
      continue;
    }
    if (triple && src.startsWith(quote.repeat(3), i)) {
      i += 3;
      break;
    }
    if (!triple && c === quote) {
      i++;
      break;
    }
    if (c === '\n' || c === '\r') {
      if (!triple) break; // unterminated: stop at the end of the line
      if (c === '\r' && src[i + 1] === '\n') i++;
      i++;
      onNewline(i);
      continue;
    }
    i++;
  }
  opaque.push([s, i]);
  return i;
}

/**
 * The replacement fields of an f-string (`f"{self.x!r:>10}"`) are code: their names become tokens and
 * their text stops being opaque, so hovers work inside f-strings. Format specs stay opaque.
 */
function fStringCode(src: string, s: number, q: number, end: number, startLine: number, depth: number, tokens: SrcToken[], opaque: [number, number][]): void {
  const quote = src[q]!;
  const qlen = src.startsWith(quote.repeat(3), q) ? 3 : 1;
  const bodyEnd = Math.max(q + qlen, end - qlen);
  const regions: [number, number][] = [];
  let i = q + qlen;
  while (i < bodyEnd) {
    if (src[i] === '{' && src[i + 1] === '{') {
      i += 2;
      continue;
    }
    if (src[i] !== '{') {
      i++;
      continue;
    }
    const start = i + 1;
    let level = 0;
    let exprEnd = -1;
    i = start;
    while (i < bodyEnd) {
      const c = src[i]!;
      if (c === '(' || c === '[' || c === '{') level++;
      else if (c === ')' || c === ']') level--;
      else if (c === '}') {
        if (level === 0) break;
        level--;
      } else if (level === 0 && exprEnd < 0 && ((c === '!' && src[i + 1] !== '=') || c === ':')) exprEnd = i;
      i++;
    }
    regions.push([start, exprEnd >= 0 ? exprEnd : i]);
    i++;
  }
  if (regions.length === 0) return;
  // opaque: the string minus its code regions
  const last = opaque.pop()!;
  let from = last[0];
  for (const [a, b] of regions) {
    opaque.push([from, a]);
    from = b;
  }
  opaque.push([from, last[1]]);
  for (const [a, b] of regions) {
    const re = /[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}_]*|\./gu;
    const text = src.slice(a, b);
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const at = a + m.index;
      if (m[0] !== '.' && at > 0 && /[0-9]/.test(src[at - 1]!)) continue; // 1e5, 0x1f
      const tokLine = startLine + (src.slice(s, at).match(/\r\n|\r|\n/g)?.length ?? 0);
      tokens.push({ kind: m[0] === '.' ? 'op' : 'name', text: m[0], start: at, end: at + m[0].length, line: tokLine, depth: depth + 1 });
    }
  }
}

export function lineCount(s: ScannedSource): number {
  return s.lineStarts.length - 1;
}

/** 1-based line and 0-based column → offset (clamped). */
export function offsetAt(s: ScannedSource, line: number, col: number): number {
  const start = s.lineStarts[Math.min(Math.max(line, 1), lineCount(s))] ?? 0;
  return Math.min(start + col, s.source.length);
}

export function lineText(s: ScannedSource, line: number): string {
  const start = s.lineStarts[line];
  if (start === undefined) return '';
  const end = s.lineStarts[line + 1] ?? s.source.length;
  return s.source.slice(start, end).replace(/\r?\n$|\r$/, '');
}

/**
 * The innermost class whose body contains `line` (its name, which mangles private names there:
 * `self.__x` in a method of `A` is stored as `_A__x`), or null at module level or in plain functions
 * outside any class. Found by indentation: each earlier statement indented less than the last one
 * kept opens an enclosing block.
 */
export function enclosingClass(s: ScannedSource, line: number): string | null {
  const first = s.logicalStart[line] ?? line;
  let bound = indentOf(lineText(s, first));
  for (let l = first - 1; l >= 1 && bound > 0; l--) {
    if (s.logicalStart[l] !== l) continue; // continuation of a multi-line statement
    const text = lineText(s, l);
    if (/^\s*(#|$)/.test(text)) continue;
    const ind = indentOf(text);
    if (ind >= bound) continue;
    bound = ind;
    const m = CLASS_LINE.exec(text);
    if (m) return m[1]!;
  }
  return null;
}

const CLASS_LINE = /^\s*class\s+([\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}_]*)/u;

/** The physical lines of the logical statement containing `line`, first to last. */
export function statementLines(s: ScannedSource, line: number): number[] {
  const first = s.logicalStart[line] ?? line;
  const lines = [first];
  for (let l = first + 1; l <= lineCount(s) && s.logicalStart[l] === first; l++) lines.push(l);
  return lines;
}

export interface NameAt {
  name: string;
  /** `self.items` → ['self', 'items']; a plain name → [name] */
  path: string[];
  kind: 'name' | 'attribute' | 'parameter';
  start: number;
  end: number;
  line: number;
  /** for a parameter: the function's name and the line of its `def` */
  func?: { name: string; defLine: number };
}

/** The name token at `offset` (inclusive of its end), classified; undefined for keywords, strings, comments, numbers. */
export function nameAt(s: ScannedSource, offset: number): NameAt | undefined {
  if (s.opaque.some(([a, b]) => offset >= a && offset < b)) return undefined;
  const idx = s.tokens.findIndex((t) => t.kind === 'name' && offset >= t.start && offset <= t.end);
  if (idx < 0) return undefined;
  const tok = s.tokens[idx]!;
  if (isKeyword(tok.text)) return undefined;
  const path = [tok.text];
  let k = idx;
  while (k >= 2 && s.tokens[k - 1]!.text === '.' && s.tokens[k - 2]!.kind === 'name' && s.tokens[k - 1]!.start === s.tokens[k - 2]!.end) {
    path.unshift(s.tokens[k - 2]!.text);
    k -= 2;
  }
  if (k >= 1 && s.tokens[k - 1]!.text === '.') return undefined; // e.g. `f().x`, `[1].append`: no name to follow
  const base = { name: tok.text, path, start: tok.start, end: tok.end, line: tok.line };
  if (path.length > 1) return { ...base, kind: 'attribute' };
  const func = parameterOf(s, idx);
  return func ? { ...base, kind: 'parameter', func } : { ...base, kind: 'name' };
}

/** If token `idx` is a parameter name of a `def`, the function's name and def line. */
function parameterOf(s: ScannedSource, idx: number): { name: string; defLine: number } | undefined {
  const tok = s.tokens[idx]!;
  if (tok.depth !== 1) return undefined;
  const prev = s.tokens[idx - 1];
  if (!prev || !['(', ',', '*', '**'].includes(prev.text)) return undefined;
  const next = s.tokens[idx + 1];
  if (next && ![',', ')', '=', ':'].includes(next.text)) return undefined;
  // walk back to the opening parenthesis at depth 0 of this statement
  for (let k = idx - 1; k >= 0; k--) {
    const t = s.tokens[k]!;
    if (t.depth === 0 && t.text === '(') {
      const fname = s.tokens[k - 1];
      const def = s.tokens[k - 2];
      if (fname?.kind === 'name' && def?.text === 'def') return { name: fname.text, defLine: def.line };
      return undefined;
    }
    if (t.depth === 0) return undefined;
  }
  return undefined;
}

function indentOf(text: string): number {
  let w = 0;
  for (const c of text) {
    if (c === ' ') w++;
    else if (c === '\t') w += 8 - (w % 8);
    else break;
  }
  return w;
}

/** Lines of the body of the `def` starting at `defLine` (a one-line body counts as the header's line). */
export function functionBodyLines(s: ScannedSource, defLine: number): number[] {
  const header = statementLines(s, defLine);
  const lastHeader = header[header.length - 1]!;
  const defIndent = indentOf(lineText(s, defLine));
  const out: number[] = [];
  // one-line body: something after the header's final ':' at depth 0
  const colon = [...s.tokens].reverse().find((t) => t.line === lastHeader && t.depth === 0 && t.text === ':');
  if (colon && s.tokens.some((t) => t.start > colon.end && t.line === lastHeader)) out.push(lastHeader);
  for (let l = lastHeader + 1; l <= lineCount(s); l++) {
    const text = lineText(s, l);
    const blank = /^\s*(#.*)?$/.test(text);
    if (blank || s.logicalStart[l] !== l) {
      if (!blank) out.push(l);
      continue;
    }
    if (indentOf(text) <= defIndent) break;
    out.push(l);
  }
  return out;
}
