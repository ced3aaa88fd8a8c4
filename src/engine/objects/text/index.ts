// Python's text semantics as pure functions on JS values (string, number, bigint): float repr, the
// format mini-language, %-formatting, str methods, code-point indexing, int/float parsing. No object
// model here: the str/int/float types of engine/objects call these. Errors are PyError values.
export { pyError, isPyError, type PyError, type PyErrorKind, type TextVersion } from './errors';
export {
  PyStrView, codePoints, hasSurrogates, pyLen, ord, chr, sliceBounds, clampRange, pyStrCompare, strStorage,
  type SliceBounds, type StrStorage,
} from './codepoints';
export { floatRepr, doubleToString, type DoubleFlags } from './float-format';
export { formatInt, formatFloat, formatStr, intToFloat, type FormatOptions } from './format-values';
export { parseFormatSpec, type FormatSpec } from './format-spec';
export { percentFormat, type PercentArgs, type PercentCallbacks, type PercentNumber } from './percent';
export { strRepr, strAscii, asciiEscape } from './str-repr';
export {
  pyUpper, pyLower, pyTitle, pyCapitalize, pySwapcase, pyCasefold, pyIsDigit, pyIsAlpha, pyIsAlnum, pyIsSpace,
  pyIsNumeric, pyIsDecimal, pyIsAscii, pyIsPrintable, pyIsUpper, pyIsLower, pyIsTitle, pyIsIdentifier,
} from './str-case';
export {
  pyFind, pyRfind, pyIndex, pyRindex, pyCount, pyStartswith, pyEndswith, pyReplace, pyPartition, pyRpartition,
  pyRemoveprefix, pyRemovesuffix,
} from './str-search';
export {
  pySplit, pyRsplit, pySplitlines, pyStrip, pyLstrip, pyRstrip, pyCenter, pyLjust, pyRjust, pyZfill, pyExpandtabs,
} from './str-split';
export {
  intToStr, intToDecimal, pyBin, pyOct, pyHex, parseInt as parsePyInt, parseFloat as parsePyFloat,
  INT_MAX_STR_DIGITS, type IntTextOptions,
} from './number-text';
export { isSpaceCp, isPrintableCp, isDecimalCp, decimalValue, UNICODE_TABLES_VERSION } from './unicode-props';
export { floatRound, floatRoundToInt, intRound } from './round';
export { strFormat, type StrFormatCallbacks } from './str-format';
