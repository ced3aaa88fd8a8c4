// str case conversions and character-class predicates with CPython's semantics (Objects/unicodeobject.c:
// do_upper, do_lower with final sigma, do_title, do_capitalize, do_swapcase, casefold; the is*() family).
import { codePoints } from './codepoints';
import {
  isAlphaCp, isAlnumCp, isCasedCp, isCaseIgnorableCp, isDecimalCp, isDigitCp, isLowerCp, isNumericCp,
  isPrintableCp, isSpaceCp, isTitleCp, isUpperCp, isXidContinueCp, isXidStartCp, toFoldedFull, toLowerFull, toTitleFull, toUpperFull,
} from './unicode-props';

const ASCII_ONLY = /^[\x00-\x7f]*$/;

export function pyUpper(s: string): string {
  if (ASCII_ONLY.test(s)) return s.toUpperCase();
  let out = '';
  for (const c of codePoints(s)) out += toUpperFull(c);
  return out;
}

export function pyLower(s: string): string {
  if (ASCII_ONLY.test(s)) return s.toLowerCase();
  const cps = codePoints(s);
  let out = '';
  for (let i = 0; i < cps.length; i++) out += lowerAt(cps, i);
  return out;
}

/** lower_ucs4: lowercase of cps[i] with the final-sigma rule for U+03A3. */
function lowerAt(cps: string[], i: number): string {
  const c = cps[i];
  if (c !== '\u03a3') return toLowerFull(c);
  let j = i - 1;
  while (j >= 0 && isCaseIgnorableCp(cps[j].codePointAt(0)!)) j--;
  let finalSigma = j >= 0 && isCasedCp(cps[j].codePointAt(0)!);
  if (finalSigma) {
    j = i + 1;
    while (j < cps.length && isCaseIgnorableCp(cps[j].codePointAt(0)!)) j++;
    finalSigma = j === cps.length || !isCasedCp(cps[j].codePointAt(0)!);
  }
  return finalSigma ? '\u03c2' : '\u03c3';
}

export function pyTitle(s: string): string {
  const cps = codePoints(s);
  let out = '';
  let prevCased = false;
  for (let i = 0; i < cps.length; i++) {
    const c = cps[i];
    out += prevCased ? lowerAt(cps, i) : toTitleFull(c);
    prevCased = isCasedCp(c.codePointAt(0)!);
  }
  return out;
}

export function pyCapitalize(s: string): string {
  const cps = codePoints(s);
  if (cps.length === 0) return '';
  let out = toTitleFull(cps[0]);
  for (let i = 1; i < cps.length; i++) out += lowerAt(cps, i);
  return out;
}

export function pySwapcase(s: string): string {
  const cps = codePoints(s);
  let out = '';
  for (let i = 0; i < cps.length; i++) {
    const cp = cps[i].codePointAt(0)!;
    if (isUpperCp(cp)) out += lowerAt(cps, i);
    else if (isLowerCp(cp)) out += toUpperFull(cps[i]);
    else out += cps[i];
  }
  return out;
}

export function pyCasefold(s: string): string {
  if (ASCII_ONLY.test(s)) return s.toLowerCase();
  let out = '';
  for (const c of codePoints(s)) out += toFoldedFull(c);
  return out;
}

function all(s: string, pred: (cp: number) => boolean): boolean {
  if (s.length === 0) return false;
  for (const c of codePoints(s)) if (!pred(c.codePointAt(0)!)) return false;
  return true;
}

export const pyIsDigit = (s: string): boolean => all(s, isDigitCp);
export const pyIsAlpha = (s: string): boolean => all(s, isAlphaCp);
export const pyIsAlnum = (s: string): boolean => all(s, isAlnumCp);
export const pyIsSpace = (s: string): boolean => all(s, isSpaceCp);
export const pyIsNumeric = (s: string): boolean => all(s, isNumericCp);
export const pyIsDecimal = (s: string): boolean => all(s, isDecimalCp);

export function pyIsAscii(s: string): boolean {
  return ASCII_ONLY.test(s);
}

export function pyIsPrintable(s: string): boolean {
  for (const c of codePoints(s)) if (!isPrintableCp(c.codePointAt(0)!)) return false;
  return true;
}

export function pyIsUpper(s: string): boolean {
  let cased = false;
  for (const c of codePoints(s)) {
    const cp = c.codePointAt(0)!;
    if (isLowerCp(cp) || isTitleCp(cp)) return false;
    if (!cased && isUpperCp(cp)) cased = true;
  }
  return cased;
}

export function pyIsLower(s: string): boolean {
  let cased = false;
  for (const c of codePoints(s)) {
    const cp = c.codePointAt(0)!;
    if (isUpperCp(cp) || isTitleCp(cp)) return false;
    if (!cased && isLowerCp(cp)) cased = true;
  }
  return cased;
}

export function pyIsTitle(s: string): boolean {
  let cased = false;
  let prevCased = false;
  for (const c of codePoints(s)) {
    const cp = c.codePointAt(0)!;
    if (isUpperCp(cp) || isTitleCp(cp)) {
      if (prevCased) return false;
      prevCased = true; cased = true;
    } else if (isLowerCp(cp)) {
      if (!prevCased) return false;
      prevCased = true; cased = true;
    } else prevCased = false;
  }
  return cased;
}

export function pyIsIdentifier(s: string): boolean {
  const cps = codePoints(s);
  if (cps.length === 0) return false;
  const first = cps[0].codePointAt(0)!;
  if (!(isXidStartCp(first) || first === 0x5f)) return false;
  for (let i = 1; i < cps.length; i++) if (!isXidContinueCp(cps[i].codePointAt(0)!)) return false;
  return true;
}
