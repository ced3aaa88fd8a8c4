// String literal decoding: prefixes (r, b, u, f and their mixes), quotes (single, triple) and
// backslash escapes, with CPython's error messages. Messages follow 3.12 where versions differ
// (3.10/3.11 say "f-string: empty expression not allowed" and "invalid conversion character: ...").
import { unicodeName } from './unicode-names';

export interface StringParts {
  raw: boolean;
  bytes: boolean;
  format: boolean;
  /** offsets (relative to the literal's text) of the body, between the quotes */
  bodyStart: number;
  bodyEnd: number;
}

export function stringParts(text: string): StringParts {
  const m = /^([a-zA-Z]*)('''|"""|'|")/.exec(text)!;
  const prefix = m[1].toLowerCase();
  const quote = m[2];
  const bodyStart = m[0].length;
  const bodyEnd = text.length >= bodyStart + quote.length && text.endsWith(quote) ? text.length - quote.length : text.length;
  return { raw: prefix.includes('r'), bytes: prefix.includes('b'), format: prefix.includes('f'), bodyStart, bodyEnd: Math.max(bodyStart, bodyEnd) };
}

export class StringError extends Error {
  constructor(
    message: string,
    /** set for a `\N{...}` name outside our table: valid Python we cannot decode */
    readonly unknownName: string | null = null,
  ) {
    super(message);
  }
}

const SIMPLE: Record<string, string> = { '\\': '\\', "'": "'", '"': '"', a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };

/**
 * Decodes a body. For str the result is the string; for bytes each char code is a byte (0..255).
 * `fstringLiteral` also turns `{{`/`}}` into single braces and rejects a lone `}`.
 */
export function decodeBody(body: string, raw: boolean, bytes: boolean, fstringLiteral = false): string {
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (bytes && c.charCodeAt(0) > 0x7f) throw new StringError('bytes can only contain ASCII literal characters');
    if (fstringLiteral && (c === '{' || c === '}')) {
      if (body[i + 1] === c) {
        out += c;
        i++;
        continue;
      }
      if (c === '}') throw new StringError("f-string: single '}' is not allowed");
      out += c;
      continue;
    }
    if (c === '\r') {
      // universal newlines: CPython reads source with \r\n and \r turned into \n
      out += '\n';
      if (body[i + 1] === '\n') i++;
      continue;
    }
    if (c !== '\\' || raw) {
      out += c;
      if (raw && c === '\\' && i + 1 < body.length) {
        // a raw string keeps the backslash and the character after it
        const nx = body[i + 1];
        if (nx === '\r') {
          out += '\n';
          i += body[i + 2] === '\n' ? 2 : 1;
        } else {
          out += nx;
          i++;
        }
      }
      continue;
    }
    const start = i;
    const e = body[i + 1];
    i++;
    if (e === undefined) {
      out += '\\';
      break;
    }
    if (e === '\n') continue;
    if (e === '\r') {
      if (body[i + 1] === '\n') i++;
      continue;
    }
    if (SIMPLE[e] !== undefined) {
      out += SIMPLE[e];
      continue;
    }
    if (e >= '0' && e <= '7') {
      let j = i;
      let v = 0;
      while (j < body.length && j < i + 3 && body[j] >= '0' && body[j] <= '7') v = v * 8 + (body.charCodeAt(j++) - 48);
      i = j - 1;
      out += String.fromCharCode(bytes ? v & 0xff : v);
      continue;
    }
    const hexLen = e === 'x' ? 2 : !bytes && e === 'u' ? 4 : !bytes && e === 'U' ? 8 : 0;
    if (hexLen > 0) {
      const hex = body.slice(i + 1, i + 1 + hexLen);
      if (!new RegExp(`^[0-9a-fA-F]{${hexLen}}$`).test(hex)) {
        const got = /^[0-9a-fA-F]*/.exec(hex)![0].length;
        if (bytes) throw new StringError(`(value error) invalid \\x escape at position ${byteLen(body.slice(0, start))}`);
        const pos = byteLen(body.slice(0, start));
        const name = e === 'x' ? '\\xXX' : e === 'u' ? '\\uXXXX' : '\\UXXXXXXXX';
        throw new StringError(`(unicode error) 'unicodeescape' codec can't decode bytes in position ${pos}-${pos + 1 + got}: truncated ${name} escape`);
      }
      const cp = parseInt(hex, 16);
      if (cp > 0x10ffff) {
        const pos = byteLen(body.slice(0, start));
        throw new StringError(`(unicode error) 'unicodeescape' codec can't decode bytes in position ${pos}-${pos + 9}: illegal Unicode character`);
      }
      out += String.fromCodePoint(cp);
      i += hexLen;
      continue;
    }
    if (!bytes && e === 'N') {
      const m = /^\{([^}]*)\}/.exec(body.slice(i + 1));
      const pos = byteLen(body.slice(0, start));
      const cp = m ? unicodeName(m[1]) : null;
      if (cp === null) {
        const end = m ? pos + 2 + byteLen(m[0]) - 1 : pos + 1;
        throw new StringError(`(unicode error) 'unicodeescape' codec can't decode bytes in position ${pos}-${end}: ${m ? 'unknown Unicode character name' : 'malformed \\N character escape'}`, m ? m[1] : null);
      }
      out += String.fromCodePoint(cp);
      i += m![0].length;
      continue;
    }
    // unknown escape: kept as written (a SyntaxWarning since 3.12)
    out += '\\' + e;
  }
  return out;
}

/** UTF-8 length, which is how CPython counts positions in its unicode-escape errors */
function byteLen(s: string): number {
  let n = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    n += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return n;
}

/** bytes body (char codes 0..255) to a Uint8Array */
export function toBytes(s: string): Uint8Array {
  const b = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) b[i] = s.charCodeAt(i) & 0xff;
  return b;
}
