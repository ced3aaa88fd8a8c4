// str splitting, stripping and padding with Python's semantics: split/rsplit (whitespace or separator,
// maxsplit), splitlines (keepends), strip/lstrip/rstrip (chars), center/ljust/rjust/zfill, expandtabs.
import { pyError, type PyError } from './errors';
import { codePoints, hasSurrogates, pyLen } from './codepoints';
import { isSpaceCp } from './unicode-props';

function isWs(s: string, i: number): boolean {
  return isSpaceCp(s.charCodeAt(i));
}

/** s.split(sep, maxsplit); sep undefined = None (runs of whitespace). */
export function pySplit(s: string, sep?: string, maxsplit = -1): string[] | PyError {
  let max = maxsplit < 0 ? Infinity : maxsplit;
  const out: string[] = [];
  const n = s.length;
  if (sep === undefined) {
    let i = 0;
    while (max-- > 0) {
      while (i < n && isWs(s, i)) i++;
      if (i === n) break;
      const j = i;
      i++;
      while (i < n && !isWs(s, i)) i++;
      out.push(s.slice(j, i));
    }
    if (i < n) {
      while (i < n && isWs(s, i)) i++;
      if (i !== n) out.push(s.slice(i));
    }
    return out;
  }
  if (sep.length === 0) return pyError('ValueError', 'empty separator');
  let i = 0;
  while (max-- > 0) {
    const j = s.indexOf(sep, i);
    if (j < 0) break;
    out.push(s.slice(i, j));
    i = j + sep.length;
  }
  out.push(s.slice(i));
  return out;
}

export function pyRsplit(s: string, sep?: string, maxsplit = -1): string[] | PyError {
  let max = maxsplit < 0 ? Infinity : maxsplit;
  const out: string[] = [];
  if (sep === undefined) {
    let i = s.length - 1;
    while (max-- > 0) {
      while (i >= 0 && isWs(s, i)) i--;
      if (i < 0) break;
      const j = i;
      i--;
      while (i >= 0 && !isWs(s, i)) i--;
      out.push(s.slice(i + 1, j + 1));
    }
    if (i >= 0) {
      while (i >= 0 && isWs(s, i)) i--;
      if (i >= 0) out.push(s.slice(0, i + 1));
    }
    return out.reverse();
  }
  if (sep.length === 0) return pyError('ValueError', 'empty separator');
  let end = s.length;
  while (max-- > 0) {
    const j = end - sep.length < 0 ? -1 : s.lastIndexOf(sep, end - sep.length);
    if (j < 0) break;
    out.push(s.slice(j + sep.length, end));
    end = j;
  }
  out.push(s.slice(0, end));
  return out.reverse();
}

function isLineBreakUnit(c: number): boolean {
  return (c >= 0x0a && c <= 0x0d) || (c >= 0x1c && c <= 0x1e) || c === 0x85 || c === 0x2028 || c === 0x2029;
}

export function pySplitlines(s: string, keepends = false): string[] {
  const out: string[] = [];
  const n = s.length;
  let i = 0;
  while (i < n) {
    const j = i;
    while (i < n && !isLineBreakUnit(s.charCodeAt(i))) i++;
    let eol = i;
    if (i < n) {
      if (s.charCodeAt(i) === 0x0d && i + 1 < n && s.charCodeAt(i + 1) === 0x0a) i += 2;
      else i++;
      if (keepends) eol = i;
    }
    out.push(s.slice(j, eol));
  }
  return out;
}

function stripWith(s: string, chars: string | undefined, left: boolean, right: boolean): string {
  if (chars === undefined) {
    let a = 0, b = s.length;
    if (left) while (a < b && isWs(s, a)) a++;
    if (right) while (b > a && isWs(s, b - 1)) b--;
    return s.slice(a, b);
  }
  if (!hasSurrogates(s) && !hasSurrogates(chars)) {
    let a = 0, b = s.length;
    if (left) while (a < b && chars.includes(s[a])) a++;
    if (right) while (b > a && chars.includes(s[b - 1])) b--;
    return s.slice(a, b);
  }
  const set = new Set(codePoints(chars));
  const cps = codePoints(s);
  let a = 0, b = cps.length;
  if (left) while (a < b && set.has(cps[a])) a++;
  if (right) while (b > a && set.has(cps[b - 1])) b--;
  return cps.slice(a, b).join('');
}

export const pyStrip = (s: string, chars?: string): string => stripWith(s, chars, true, true);
export const pyLstrip = (s: string, chars?: string): string => stripWith(s, chars, true, false);
export const pyRstrip = (s: string, chars?: string): string => stripWith(s, chars, false, true);

function badFill(fill: string): PyError | undefined {
  return pyLen(fill) === 1 ? undefined
    : pyError('TypeError', 'The fill character must be exactly one character long');
}

/** s.center(width, fillchar) */
export function pyCenter(s: string, width: number, fill = ' '): string | PyError {
  const bad = badFill(fill);
  if (bad) return bad;
  const len = pyLen(s);
  if (len >= width) return s;
  const marg = width - len;
  const left = Math.floor(marg / 2) + (marg & width & 1);
  return fill.repeat(left) + s + fill.repeat(marg - left);
}

export function pyLjust(s: string, width: number, fill = ' '): string | PyError {
  const bad = badFill(fill);
  if (bad) return bad;
  const len = pyLen(s);
  return len >= width ? s : s + fill.repeat(width - len);
}

export function pyRjust(s: string, width: number, fill = ' '): string | PyError {
  const bad = badFill(fill);
  if (bad) return bad;
  const len = pyLen(s);
  return len >= width ? s : fill.repeat(width - len) + s;
}

export function pyZfill(s: string, width: number): string {
  const len = pyLen(s);
  if (len >= width) return s;
  const zeros = '0'.repeat(width - len);
  if (s[0] === '+' || s[0] === '-') return s[0] + zeros + s.slice(1);
  return zeros + s;
}

export function pyExpandtabs(s: string, tabsize = 8): string {
  let out = '';
  let col = 0;
  for (const c of s) {
    if (c === '\t') {
      if (tabsize > 0) {
        const incr = tabsize - (col % tabsize);
        col += incr;
        out += ' '.repeat(incr);
      }
    } else {
      col++;
      out += c;
      if (c === '\n' || c === '\r') col = 0;
    }
  }
  return out;
}
