// Per-code-point character properties with CPython's definitions (Tools/unicode/makeunicodedata.py):
// whitespace, line breaks, alpha, decimal/digit/numeric, printable, cased/upper/lower/title, identifier
// characters. JavaScript's \p{...} supplies most (Node's Unicode version may be newer than Python's:
// characters assigned after Python's Unicode version differ); generated tables supply the rest.
import { ASSIGNED, XID_START, XID_CONTINUE, LOWERCASE, UPPERCASE, LOWER_WITHOUT_UPPER, UPPER_WITHOUT_LOWER, DIGIT_NOT_DECIMAL, NUMERIC_NOT_DIGIT, TITLE_NOT_UPPER, FOLD_NOT_LOWER, UNICODE_VERSION } from './unicode-tables';

/** The Unicode version of the generated tables (CPython 3.12's). */
export const UNICODE_TABLES_VERSION = UNICODE_VERSION;

/** Python's str.isspace() characters: category Zs or bidirectional WS, B, S. */
export function isSpaceCp(cp: number): boolean {
  if (cp < 128) return (cp >= 9 && cp <= 13) || (cp >= 0x1c && cp <= 0x20);
  return cp === 0x85 || cp === 0xa0 || cp === 0x1680 || (cp >= 0x2000 && cp <= 0x200a) || cp === 0x2028
    || cp === 0x2029 || cp === 0x202f || cp === 0x205f || cp === 0x3000;
}

/** Line boundaries of str.splitlines() (\r\n is handled by the caller). */
export function isLineBreakCp(cp: number): boolean {
  return (cp >= 0x0a && cp <= 0x0d) || (cp >= 0x1c && cp <= 0x1e) || cp === 0x85 || cp === 0x2028 || cp === 0x2029;
}

const RE_ALPHA = /^\p{L}$/u;
const RE_DECIMAL = /^\p{Nd}$/u;
const RE_NONPRINTABLE = /^[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]$/u;
const RE_TITLE = /^\p{Lt}$/u;
const RE_CASED = /^\p{Cased}$/u;
const RE_CASE_IGNORABLE = /^\p{Case_Ignorable}$/u;

let assignedRanges: Ranges | undefined;

/** Assigned in Python's Unicode version (characters JS knows from a newer version are not). */
export function isAssignedCp(cp: number): boolean {
  assignedRanges ??= unpackRanges(ASSIGNED);
  return inRanges(assignedRanges, cp);
}

function test(re: RegExp, cp: number): boolean {
  return re.test(String.fromCodePoint(cp)) && (re === RE_NONPRINTABLE || isAssignedCp(cp));
}

type Ranges = Int32Array; // flattened [start, end] inclusive pairs, sorted

function unpackRanges(packed: string): Ranges {
  const out: number[] = [];
  let prev = 0;
  for (const part of packed.split(';')) {
    if (part === '') continue;
    const [gap, len] = part.split(',');
    const start = prev + parseInt(gap, 36);
    const end = start + parseInt(len, 36);
    out.push(start, end);
    prev = end + 1;
  }
  return Int32Array.from(out);
}

function inRanges(r: Ranges, cp: number): boolean {
  let lo = 0, hi = r.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (cp < r[2 * mid]) hi = mid - 1;
    else if (cp > r[2 * mid + 1]) lo = mid + 1;
    else return true;
  }
  return false;
}

function unpackMap(packed: string): Map<number, string> {
  const m = new Map<number, string>();
  for (const part of packed.split(';')) {
    if (part === '') continue;
    const [k, v] = part.split(':');
    m.set(parseInt(k, 36), String.fromCodePoint(...v.split('.').map((x) => parseInt(x, 36))));
  }
  return m;
}

let digitRanges: Ranges | undefined;
let numericRanges: Ranges | undefined;
let titleMap: Map<number, string> | undefined;
let foldMap: Map<number, string> | undefined;

export function isAlphaCp(cp: number): boolean {
  if (cp < 128) return (cp >= 65 && cp <= 90) || (cp >= 97 && cp <= 122);
  return test(RE_ALPHA, cp);
}

export function isDecimalCp(cp: number): boolean {
  if (cp < 128) return cp >= 48 && cp <= 57;
  return test(RE_DECIMAL, cp);
}

export function isDigitCp(cp: number): boolean {
  if (isDecimalCp(cp)) return true;
  if (cp < 128) return false;
  digitRanges ??= unpackRanges(DIGIT_NOT_DECIMAL);
  return inRanges(digitRanges, cp);
}

export function isNumericCp(cp: number): boolean {
  if (isDigitCp(cp)) return true;
  if (cp < 128) return false;
  numericRanges ??= unpackRanges(NUMERIC_NOT_DIGIT);
  return inRanges(numericRanges, cp);
}

export function isAlnumCp(cp: number): boolean {
  return isAlphaCp(cp) || isNumericCp(cp);
}

export function isPrintableCp(cp: number): boolean {
  if (cp < 128) return cp >= 32 && cp < 127;
  return !test(RE_NONPRINTABLE, cp) && isAssignedCp(cp);
}

let lowercase: Ranges | undefined;
let uppercase: Ranges | undefined;

export function isLowerCp(cp: number): boolean {
  if (cp < 128) return cp >= 97 && cp <= 122;
  lowercase ??= unpackRanges(LOWERCASE);
  return inRanges(lowercase, cp);
}

export function isUpperCp(cp: number): boolean {
  if (cp < 128) return cp >= 65 && cp <= 90;
  uppercase ??= unpackRanges(UPPERCASE);
  return inRanges(uppercase, cp);
}

export function isTitleCp(cp: number): boolean {
  return cp >= 128 && test(RE_TITLE, cp);
}

export function isCasedCp(cp: number): boolean {
  if (cp < 128) return (cp >= 65 && cp <= 90) || (cp >= 97 && cp <= 122);
  return test(RE_CASED, cp);
}

export function isCaseIgnorableCp(cp: number): boolean {
  return test(RE_CASE_IGNORABLE, cp);
}

let xidStart: Ranges | undefined;
let xidContinue: Ranges | undefined;

export function isXidStartCp(cp: number): boolean {
  if (cp < 128) return (cp >= 65 && cp <= 90) || (cp >= 97 && cp <= 122);
  xidStart ??= unpackRanges(XID_START);
  return inRanges(xidStart, cp);
}

export function isXidContinueCp(cp: number): boolean {
  if (cp < 128) return (cp >= 65 && cp <= 90) || (cp >= 97 && cp <= 122) || (cp >= 48 && cp <= 57) || cp === 95;
  xidContinue ??= unpackRanges(XID_CONTINUE);
  return inRanges(xidContinue, cp);
}

/** Unicode decimal digit value of a \p{Nd} character (runs of Nd are whole 0..9 blocks). */
export function decimalValue(cp: number): number {
  if (cp >= 48 && cp <= 57) return cp - 48;
  if (!isDecimalCp(cp)) return -1;
  let start = cp;
  while (start > 0 && isDecimalCp(start - 1)) start--;
  return (cp - start) % 10;
}

let noUpper: Ranges | undefined;
let noLower: Ranges | undefined;

/** Full uppercase mapping of one code point (_PyUnicode_ToUpperFull). */
export function toUpperFull(c: string): string {
  const cp = c.codePointAt(0)!;
  if (cp < 128) return c.toUpperCase();
  noUpper ??= unpackRanges(LOWER_WITHOUT_UPPER);
  return !isAssignedCp(cp) || inRanges(noUpper, cp) ? c : c.toUpperCase();
}

/** Full lowercase mapping of one code point, without the final-sigma context (_PyUnicode_ToLowerFull). */
export function toLowerFull(c: string): string {
  const cp = c.codePointAt(0)!;
  if (cp < 128) return c.toLowerCase();
  noLower ??= unpackRanges(UPPER_WITHOUT_LOWER);
  return !isAssignedCp(cp) || inRanges(noLower, cp) ? c : c.toLowerCase();
}

/** Full titlecase mapping of one code point (_PyUnicode_ToTitleFull). */
export function toTitleFull(c: string): string {
  titleMap ??= unpackMap(TITLE_NOT_UPPER);
  return titleMap.get(c.codePointAt(0)!) ?? toUpperFull(c);
}

/** Full case folding of one code point (_PyUnicode_ToFoldedFull). */
export function toFoldedFull(c: string): string {
  foldMap ??= unpackMap(FOLD_NOT_LOWER);
  return foldMap.get(c.codePointAt(0)!) ?? toLowerFull(c);
}
