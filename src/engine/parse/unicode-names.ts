// A small table for \N{...} escapes: the names learners actually write. The full Unicode name
// database is megabytes; a name outside this table is reported as unknown (a documented limitation).
// Generated from Python's unicodedata.lookup, not typed by hand.
const NAMES = new Map<string, number>([
  ["BULLET", 0x2022],
  ["EM DASH", 0x2014],
  ["EN DASH", 0x2013],
  ["NO-BREAK SPACE", 0xA0],
  ["SNOWMAN", 0x2603],
  ["GREEK SMALL LETTER ALPHA", 0x3B1],
  ["GREEK SMALL LETTER BETA", 0x3B2],
  ["GREEK SMALL LETTER PI", 0x3C0],
  ["GREEK CAPITAL LETTER OMEGA", 0x3A9],
  ["GREEK SMALL LETTER LAMDA", 0x3BB],
  ["LATIN SMALL LETTER E WITH ACUTE", 0xE9],
  ["DEGREE SIGN", 0xB0],
  ["EURO SIGN", 0x20AC],
  ["POUND SIGN", 0xA3],
  ["COPYRIGHT SIGN", 0xA9],
  ["HORIZONTAL ELLIPSIS", 0x2026],
  ["LEFT-POINTING DOUBLE ANGLE QUOTATION MARK", 0xAB],
  ["RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK", 0xBB],
  ["RIGHTWARDS ARROW", 0x2192],
  ["LEFTWARDS ARROW", 0x2190],
  ["CHECK MARK", 0x2713],
  ["BLACK STAR", 0x2605],
  ["WHITE SMILING FACE", 0x263A],
  ["GRINNING FACE", 0x1F600],
  ["PILE OF POO", 0x1F4A9],
  ["ZERO WIDTH SPACE", 0x200B],
  ["SPACE", 0x20],
  ["LINE FEED", 0xA],
  ["NULL", 0x0],
  ["DIGIT ZERO", 0x30],
  ["LATIN SMALL LETTER A", 0x61],
  ["LATIN CAPITAL LETTER A", 0x41],
  ["MULTIPLICATION SIGN", 0xD7],
  ["DIVISION SIGN", 0xF7],
  ["INFINITY", 0x221E],
  ["PLUS-MINUS SIGN", 0xB1],
  ["MICRO SIGN", 0xB5],
  ["SECTION SIGN", 0xA7],
  ["PILCROW SIGN", 0xB6],
  ["REGISTERED SIGN", 0xAE],
  ["TRADE MARK SIGN", 0x2122],
  ["HEAVY BLACK HEART", 0x2764],
  ["SNAKE", 0x1F40D],
  ["THUMBS UP SIGN", 0x1F44D],
  ["BOX DRAWINGS LIGHT HORIZONTAL", 0x2500],
  ["FULL BLOCK", 0x2588],
  ["REPLACEMENT CHARACTER", 0xFFFD],
  ["TAB", 0x9],
  ["CHARACTER TABULATION", 0x9],
  ["LF", 0xA],
  ["EM SPACE", 0x2003],
  ["CJK UNIFIED IDEOGRAPH-4E2D", 0x4E2D],
]);

/** code point for a character name (case-insensitive, as CPython), or null */
export function unicodeName(name: string): number | null {
  const cp = NAMES.get(name.toUpperCase());
  if (cp !== undefined) return cp;
  const m = /^CJK UNIFIED IDEOGRAPH-([0-9A-F]{4,5})$/i.exec(name);
  return m ? parseInt(m[1], 16) : null;
}
