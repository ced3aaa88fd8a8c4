// repr() and ascii() of a str, as unicode_repr and ascii() in CPython: quote choice, backslash escapes,
// \xhh / \uhhhh / \Uhhhhhhhh for characters that are not printable (or, for ascii(), not ASCII).
import { isPrintableCp } from './unicode-props';

function hex(cp: number, width: number): string {
  return cp.toString(16).padStart(width, '0');
}

function escapeCp(cp: number): string {
  if (cp <= 0xff) return '\\x' + hex(cp, 2);
  if (cp <= 0xffff) return '\\u' + hex(cp, 4);
  return '\\U' + hex(cp, 8);
}

function render(s: string, asciiOnly: boolean): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const c of s) {
    const cp = c.codePointAt(0)!;
    if (c === quote || c === '\\') out += '\\' + c;
    else if (c === '\t') out += '\\t';
    else if (c === '\n') out += '\\n';
    else if (c === '\r') out += '\\r';
    else if (cp < 0x20 || cp === 0x7f) out += '\\x' + hex(cp, 2);
    else if (cp < 0x7f) out += c;
    else if (!asciiOnly && isPrintableCp(cp)) out += c;
    else out += escapeCp(cp);
  }
  return out + quote;
}

/** repr(s) */
export function strRepr(s: string): string {
  return render(s, false);
}

/** ascii(s) for a str: its repr with every non-ASCII character escaped. */
export function strAscii(s: string): string {
  return render(s, true);
}

/** ascii() applied to any repr text (for %a and ascii(obj)): escape the non-ASCII characters. */
export function asciiEscape(text: string): string {
  let out = '';
  for (const c of text) {
    const cp = c.codePointAt(0)!;
    out += cp < 0x80 ? c : escapeCp(cp);
  }
  return out;
}
