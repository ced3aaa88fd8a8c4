// A Python tokenizer after CPython's Parser/tokenizer.c, used beside Lezer for what Lezer does not
// tell us: lexical errors with CPython's messages (strings, brackets, indentation, numbers, stray
// characters), the logical-line structure (NEWLINE/INDENT/DEDENT) and bracket depth. It never throws.
import type { Span } from './ast';

export type TokKind = 'name' | 'number' | 'string' | 'op' | 'newline' | 'indent' | 'dedent' | 'end';

export interface Tok extends Span {
  kind: TokKind;
  text: string;
}

export interface LexError extends Span {
  message: string;
  errorType: 'SyntaxError' | 'IndentationError' | 'TabError';
  /**
   * How CPython's tokenizer reports it, which decides whether a parser error wins (errors.ts):
   * 'raise' sets the exception at once (strings, characters, numbers, brackets); 'status' only sets
   * a status the parser turns into an error if it gets that far (indentation, tabs, continuation);
   * 'eof' is end of file inside brackets ("'(' was never closed").
   */
  how: 'raise' | 'status' | 'eof';
  /** where CPython's parser stops reading (default: start) */
  cut?: number;
}

export interface LexResult {
  tokens: Tok[];
  /** first lexical error; tokens stop there */
  error: LexError | null;
}

/** CPython's MAXLEVEL (tokenizer bracket stack) and MAXINDENT */
export const MAX_PAREN_LEVEL = 200;
export const MAX_INDENT = 100;

const OPERATORS = [
  '**=', '//=', '>>=', '<<=', '...', '!=', '%=', '&=', '**', '*=', '+=', '-=', '->', '//', '/=', ':=', '<<', '<=',
  '==', '>=', '>>', '@=', '^=', '|=', '<>',
  '%', '&', '(', ')', '*', '+', ',', '-', '.', '/', ':', ';', '<', '=', '>', '@', '[', ']', '^', '{', '|', '}', '~',
];
const CLOSER_OF: Record<string, string> = { '(': ')', '[': ']', '{': '}' };

function isAsciiIdChar(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95;
}
/** operators by first character, longest first */
const OPS_BY_FIRST = new Map<number, string[]>();
for (const o of OPERATORS) {
  const k = o.charCodeAt(0);
  OPS_BY_FIRST.set(k, [...(OPS_BY_FIRST.get(k) ?? []), o].sort((a, b) => b.length - a.length));
}

function matchOperator(src: string, i: number): string | undefined {
  const cands = OPS_BY_FIRST.get(src.charCodeAt(i));
  if (!cands) return undefined;
  for (const o of cands) if (o.length === 1 || src.startsWith(o, i)) return o;
  return undefined;
}

function isIdStart(c: string): boolean {
  const code = c.charCodeAt(0);
  if (code < 128) return isAsciiIdChar(code) && !(code >= 48 && code <= 57);
  return /^[\p{L}\p{Nl}_\u1885\u1886\u2118\u212e\u309b\u309c]$/u.test(c);
}
function isIdChar(c: string): boolean {
  const code = c.charCodeAt(0);
  if (code < 128) return isAsciiIdChar(code);
  return isIdStart(c) || /^[\p{Mn}\p{Mc}\p{Nd}\p{Pc}\u00b7\u0387\u1369-\u1371\u19da]$/u.test(c);
}
function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

function lineOf(src: string, off: number): number {
  let n = 1;
  for (let i = 0; i < off && i < src.length; i++) {
    const c = src.charCodeAt(i);
    if (c === 10 || (c === 13 && src.charCodeAt(i + 1) !== 10)) n++;
  }
  return n;
}

export function tokenize(src: string): LexResult {
  const toks: Tok[] = [];
  const brackets: { ch: string; at: number }[] = [];
  const indents = [0];
  const altIndents = [0];
  let i = 0;
  let atLineStart = true;
  let contLine = false; // previous physical line ended with a backslash
  const n = src.length;
  const fail = (message: string, start: number, end = start, errorType: LexError['errorType'] = 'SyntaxError', how: LexError['how'] = 'raise'): LexResult => ({
    tokens: toks,
    error: { message, start, end, errorType, how: errorType === 'SyntaxError' ? how : 'status' },
  });
  const push = (kind: TokKind, start: number, end: number): void => {
    toks.push({ kind, start, end, text: kind === 'newline' || kind === 'indent' ? '' : src.slice(start, end) });
  };

  while (true) {
    if (atLineStart && brackets.length === 0 && !contLine) {
      atLineStart = false;
      let col = 0;
      let alt = 0;
      const lineStart = i;
      while (i < n) {
        const c = src[i];
        if (c === ' ') { col++; alt++; }
        else if (c === '\t') { col = (Math.floor(col / 8) + 1) * 8; alt++; }
        else if (c === '\f') { col = 0; alt = 0; }
        else break;
        i++;
      }
      const c = src[i];
      const blank = i >= n || c === '#' || c === '\n' || c === '\r' || (c === '\\' && false);
      if (!blank) {
        const top = indents[indents.length - 1];
        if (col === top) {
          if (alt !== altIndents[altIndents.length - 1]) return fail('inconsistent use of tabs and spaces in indentation', lineStart, lineStart, 'TabError');
        } else if (col > top) {
          if (indents.length >= MAX_INDENT) return fail('too many levels of indentation', lineStart, lineStart, 'IndentationError');
          if (alt <= altIndents[altIndents.length - 1]) return fail('inconsistent use of tabs and spaces in indentation', lineStart, lineStart, 'TabError');
          indents.push(col);
          altIndents.push(alt);
          push('indent', lineStart, i);
        } else {
          while (indents.length > 1 && col < indents[indents.length - 1]) {
            indents.pop();
            altIndents.pop();
            push('dedent', i, i);
          }
          if (col !== indents[indents.length - 1]) return fail('unindent does not match any outer indentation level', i, i, 'IndentationError');
          if (alt !== altIndents[altIndents.length - 1]) return fail('inconsistent use of tabs and spaces in indentation', lineStart, lineStart, 'TabError');
        }
      }
    }
    atLineStart = false;
    contLine = false;
    if (i >= n) break;
    const c = src[i];
    if (c === ' ' || c === '\t' || c === '\f') { i++; continue; }
    if (c === '#') {
      while (i < n && src[i] !== '\n' && src[i] !== '\r') i++;
      continue;
    }
    if (c === '\n' || c === '\r') {
      const start = i;
      i += c === '\r' && src[i + 1] === '\n' ? 2 : 1;
      const last = toks[toks.length - 1];
      if (brackets.length === 0 && last && last.kind !== 'newline' && last.kind !== 'indent' && last.kind !== 'dedent') push('newline', start, i);
      atLineStart = true;
      continue;
    }
    if (c === '\\') {
      const nx = src[i + 1];
      if (nx === '\n' || nx === '\r') {
        i += nx === '\r' && src[i + 2] === '\n' ? 3 : 2;
        contLine = true;
        if (i >= n) return fail('unexpected EOF while parsing', i, i, 'SyntaxError', 'status');
        continue;
      }
      if (nx === undefined) return fail('unexpected EOF while parsing', i + 1, i + 1, 'SyntaxError', 'status');
      return { tokens: toks, error: { message: 'unexpected character after line continuation character', start: i + 1, end: i + 1, errorType: 'SyntaxError', how: 'status', cut: i } };
    }
    // strings (with prefixes)
    const sm = c === '"' || c === "'" || 'rRbBuUfF'.includes(c) ? /^([rRbBuUfF]{0,2})(['"])/.exec(src.slice(i, i + 4)) : null;
    if (sm && /^(|[rR]|[bB]|[uU]|[fF]|[rR][bB]|[bB][rR]|[rR][fF]|[fF][rR])$/.test(sm[1])) {
      const res = scanString(src, i, sm[1].length);
      if ('error' in res) return { tokens: toks, error: res.error };
      push('string', i, res.end);
      i = res.end;
      continue;
    }
    if (isIdStart(String.fromCodePoint(src.codePointAt(i)!))) {
      const start = i;
      while (i < n) {
        const code = src.charCodeAt(i);
        if (code < 128) {
          if (!isAsciiIdChar(code)) break;
          i++;
          continue;
        }
        const cp = String.fromCodePoint(src.codePointAt(i)!);
        if (!isIdChar(cp)) break;
        i += cp.length;
      }
      if (i === start) return fail('invalid syntax', i, i + 1);
      push('name', start, i);
      continue;
    }
    if (isDigit(c) || (c === '.' && isDigit(src[i + 1]))) {
      const res = scanNumber(src, i);
      if ('error' in res) return { tokens: toks, error: res.error };
      push('number', i, res.end);
      i = res.end;
      continue;
    }
    const op = matchOperator(src, i);
    if (op) {
      if (op === '(' || op === '[' || op === '{') {
        if (brackets.length >= MAX_PAREN_LEVEL) return fail('too many nested parentheses', i, i);
        brackets.push({ ch: op, at: i });
      } else if (op === ')' || op === ']' || op === '}') {
        const open = brackets.pop();
        if (!open) return fail(`unmatched '${op}'`, i, i);
        if (CLOSER_OF[open.ch] !== op) {
          const ol = lineOf(src, open.at);
          const cl = lineOf(src, i);
          return fail(
            ol === cl
              ? `closing parenthesis '${op}' does not match opening parenthesis '${open.ch}'`
              : `closing parenthesis '${op}' does not match opening parenthesis '${open.ch}' on line ${ol}`,
            i,
            i,
          );
        }
      }
      push('op', i, i + op.length);
      i += op.length;
      continue;
    }
    if (c === '!' || c === '$' || c === '?' || c === '`') {
      // not tokenizer errors in CPython: the parser rejects them ("invalid syntax") if it gets there
      push('op', i, i + 1);
      i++;
      continue;
    }
    const cp = src.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    const hex = cp.toString(16).toUpperCase().padStart(4, '0');
    if (/^[\p{Cc}\p{Cf}\p{Zs}\p{Zl}\p{Zp}\p{Co}\p{Cn}\p{Cs}]$/u.test(ch)) return fail(`invalid non-printable character U+${hex}`, i, i);
    return fail(`invalid character '${ch}' (U+${hex})`, i, i);
  }
  if (brackets.length > 0) {
    const open = brackets[brackets.length - 1];
    return fail(`'${open.ch}' was never closed`, open.at, open.at, 'SyntaxError', 'eof');
  }
  const last = toks[toks.length - 1];
  if (last && last.kind !== 'newline' && last.kind !== 'dedent' && last.kind !== 'indent') push('newline', n, n);
  while (indents.length > 1) {
    indents.pop();
    push('dedent', n, n);
  }
  push('end', n, n);
  return { tokens: toks, error: null };
}

function scanString(src: string, start: number, prefixLen: number): { end: number } | { error: LexError } {
  let i = start + prefixLen;
  const q = src[i];
  const long = src[i + 1] === q && src[i + 2] === q;
  i += long ? 3 : 1;
  const raw = /[rR]/.test(src.slice(start, start + prefixLen));
  void raw; // a backslash escapes the next character in raw strings too (for the purpose of ending one)
  while (i < src.length) {
    const c = src[i];
    if (c === '\\') {
      i += src[i + 1] === '\r' && src[i + 2] === '\n' ? 3 : 2;
      continue;
    }
    if (!long && (c === '\n' || c === '\r')) break;
    if (c === q && (!long || (src[i + 1] === q && src[i + 2] === q))) return { end: i + (long ? 3 : 1) };
    i++;
  }
  const at = Math.min(i, src.length);
  if (long) {
    const last = /[\r\n]$/.test(src) ? src.length - 1 : src.length;
    return { error: { message: `unterminated triple-quoted string literal (detected at line ${lineOf(src, last)})`, start, end: start, errorType: 'SyntaxError', how: 'raise' } };
  }
  return { error: { message: `unterminated string literal (detected at line ${lineOf(src, at)})`, start, end: start, errorType: 'SyntaxError', how: 'raise' } };
}

function scanNumber(src: string, start: number): { end: number } | { error: LexError } {
  // fast path: a plain run of digits ending the number
  let q = start;
  while (q < src.length && src.charCodeAt(q) >= 48 && src.charCodeAt(q) <= 57) q++;
  const after = q < src.length ? src.charCodeAt(q) : 32;
  if (q > start && (src.charCodeAt(start) !== 48 || q === start + 1) && !isAsciiIdChar(after) && after !== 46 && after < 128) return { end: q };
  const err = (message: string, at: number, end = at): { error: LexError } => ({ error: { message, start: at, end, errorType: 'SyntaxError', how: 'raise' } });
  let i = start;
  const digits = (ok: (c: string) => boolean, kind: string): number | { error: LexError } => {
    // digits with single underscores between them
    if (!ok(src[i] ?? '')) return err(`invalid ${kind} literal`, i);
    while (i < src.length) {
      if (ok(src[i])) i++;
      else if (src[i] === '_' && ok(src[i + 1] ?? '')) i++;
      else if (src[i] === '_') return err(`invalid ${kind} literal`, i);
      else break;
    }
    return i;
  };
  const tail = (kind: string): { end: number } | { error: LexError } => {
    // CPython accepts `1if x else 2` (with a warning since 3.12): keywords may follow a number
    if (/^(and|else|for|if|in|is|not|or)/.test(src.slice(i, i + 4))) return { end: i };
    if (i < src.length && isIdChar(src[i])) return err(`invalid ${kind} literal`, i - 1);
    return { end: i };
  };
  if (src[i] === '0' && /[xXoObB]/.test(src[i + 1] ?? '')) {
    const x = src[i + 1].toLowerCase();
    i += 2;
    if (src[i] === '_') i++;
    const [ok, kind]: [(c: string) => boolean, string] =
      x === 'x' ? [(c) => /[0-9a-fA-F]/.test(c), 'hexadecimal'] : x === 'o' ? [(c) => /[0-7]/.test(c), 'octal'] : [(c) => c === '0' || c === '1', 'binary'];
    if (!ok(src[i] ?? '')) {
      if (isDigit(src[i])) return err(`invalid digit '${src[i]}' in ${kind} literal`, i);
      return err(`invalid ${kind} literal`, i - 1);
    }
    const r = digits(ok, kind);
    if (typeof r !== 'number') return r;
    if (isDigit(src[i])) return err(`invalid digit '${src[i]}' in ${kind} literal`, i);
    return tail(kind);
  }
  let isFloat = false;
  if (src[i] !== '.') {
    const intStart = i;
    const r = digits(isDigit, 'decimal');
    if (typeof r !== 'number') return r;
    const intText = src.slice(intStart, i).replace(/_/g, '');
    const nonzero = /[1-9]/.test(intText);
    if (intText.length > 1 && intText[0] === '0' && src[i] !== '.' && !/[eEjJ]/.test(src[i] ?? '')) {
      if (nonzero) return err('leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers', intStart, intStart + 1);
    }
  }
  if (src[i] === '.') {
    isFloat = true;
    i++;
    if (isDigit(src[i])) {
      const r = digits(isDigit, 'decimal');
      if (typeof r !== 'number') return r;
    }
  }
  if (src[i] === 'e' || src[i] === 'E') {
    const save = i;
    i++;
    if (src[i] === '+' || src[i] === '-') i++;
    if (!isDigit(src[i])) {
      i = save;
      return err('invalid decimal literal', save);
    }
    const r = digits(isDigit, 'decimal');
    if (typeof r !== 'number') return r;
    isFloat = true;
  }
  if (src[i] === 'j' || src[i] === 'J') {
    i++;
    return tail('imaginary');
  }
  return tail(isFloat ? 'decimal' : 'decimal');
}
