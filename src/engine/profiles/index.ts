// The four supported CPython profiles (64-bit, default build). Every number here was measured on the
// real interpreter of that version on this project's machines (see test/oracle for the programs).
import type { PythonVersion } from '../api';
import type { Profile } from './profile';

export type { Profile } from './profile';

/** builtin types that have a __subclasses__ table at start-up on every version (measured) */
const SUBCLASS_TABLES = 'object int tuple dict staticmethod classmethod property BaseException Exception ArithmeticError LookupError NameError ValueError UnicodeError RuntimeError ImportError OSError SyntaxError Warning';

/** measured: gen-0 count deltas of single calls (gc/count_builtin_calls) */
const ARG_TUPLES_ALL = 'slice property classmethod staticmethod weakref str.format';
const ARG_TUPLES_TO_312 = `${ARG_TUPLES_ALL} str min max str.startswith str.endswith str.find str.rfind str.index str.count`;

const common = {
  inlineValues: false,
  classBodyMetadata: false,
  managedWeakrefs: true,
  noDictSetMessage: false,
  generatorEmbedsFrame: true,
  recursionLimit: 1000,
  constTuplesUntracked: false,
  superVectorcall: true,
  typesWithSubclassTable: SUBCLASS_TABLES,
  callArgTuples: `${ARG_TUPLES_TO_312} print`,
  lazyKwParsers: '',
  immortalRefcount: 4294967295,
  dictEntrySize: 24,
  dictUnicodeEntrySize: 16,
};

const p310: Profile = {
  ...common,
  version: '3.10',
  versionInfo: [3, 10, 13, 'final', 0],
  argsCopiedIntoFrame: true,
  superVectorcall: false,
  callArgTuples: `${ARG_TUPLES_TO_312} enumerate super`,
  lazyKwParsers: 'print',
  immortalObjects: false,
  staticObjectBase: 0,
  managedDicts: false,
  managedWeakrefs: false,
  generatorEmbedsFrame: false,
  stackShape: null,
  inlinedComprehensions: false,
  gcThresholds: [700, 10, 10],
  internedImmortal: false,
  // 3.10 dict entries are always 24 bytes (no unicode-only key tables)
  dictUnicodeEntrySize: 24,
  sizes: {
    intZero: 24, intBase: 24, float: 24, strAsciiHeader: 48, strCompactHeader: 72,
    list: 56, tuple: 40, dictEmpty: 64, dictMin: 232, set: 216, instance: 48,
    function: 144, cell: 40, method: 64, generator: 104, range: 48, slice: 56, iterator: 48,
    code: 176, module: 72, type: 1072, typeCachedKeys: 168, exception: 80, bool: 28, none: 16, weakref: 72,
  },
};

const p311: Profile = {
  ...common,
  version: '3.11',
  versionInfo: [3, 11, 7, 'final', 0],
  argsCopiedIntoFrame: false,
  immortalObjects: false,
  // 3.11 statically allocated objects (1-char latin-1 strings, ...) start at 999999999
  staticObjectBase: 999999999,
  oneCharConstantsInternedElsewhere: 'BCLST_abcdefhijklmnopqrstvwxy',
  typesWithSubclassTable: `${SUBCLASS_TABLES} list str`,
  managedDicts: true,
  managedWeakrefs: false,
  inlinedComprehensions: false,
  stackShape: {
    genWrapper: false, returnConst: false, boolOpCopy: false, inlineComps: false, kwNamesOnStack: false, sendHandler: false, specExtraPiece: false,
  },
  gcThresholds: [700, 10, 10],
  internedImmortal: false,
  sizes: {
    intZero: 28, intBase: 24, float: 24, strAsciiHeader: 48, strCompactHeader: 72,
    list: 56, tuple: 40, dictEmpty: 64, dictMin: 184, set: 216, instance: 56,
    function: 152, cell: 40, method: 64, generator: 168, range: 48, slice: 56, iterator: 48,
    code: 192, module: 72, type: 1688, typeCachedKeys: 768, exception: 88, bool: 28, none: 16, weakref: 80,
  },
};

const p312: Profile = {
  ...common,
  version: '3.12',
  versionInfo: [3, 12, 1, 'final', 0],
  oneCharConstantsInternedElsewhere: '_abcdenprsx',
  typesWithSubclassTable: `${SUBCLASS_TABLES} list`,
  argsCopiedIntoFrame: false,
  immortalObjects: true,
  staticObjectBase: 0,
  constTuplesUntracked: true,
  managedDicts: true,
  inlinedComprehensions: true,
  stackShape: {
    genWrapper: true, returnConst: true, boolOpCopy: true, inlineComps: true, kwNamesOnStack: false, sendHandler: true, specExtraPiece: true,
  },
  gcThresholds: [700, 10, 10],
  internedImmortal: true,
  sizes: {
    intZero: 28, intBase: 24, float: 24, strAsciiHeader: 40, strCompactHeader: 56,
    list: 56, tuple: 40, dictEmpty: 64, dictMin: 184, set: 216, instance: 48,
    function: 160, cell: 40, method: 64, generator: 160, range: 48, slice: 56, iterator: 48,
    code: 200, module: 72, type: 1704, typeCachedKeys: 768, exception: 88, bool: 28, none: 16, weakref: 80,
  },
};

const p313: Profile = {
  ...p312,
  version: '3.13',
  versionInfo: [3, 13, 0, 'final', 0],
  callArgTuples: `${ARG_TUPLES_ALL} print`,
  gcThresholds: [2000, 10, 10],
  inlineValues: true,
  classBodyMetadata: true,
  noDictSetMessage: true,
  stackShape: { ...p312.stackShape!, returnConst: false, kwNamesOnStack: true, specExtraPiece: false },
  // 3.13 made interned strings mortal again (only statically allocated ones stay immortal)
  internedImmortal: false,
  constTuplesUntracked: false,
  oneCharConstantsInternedElsewhere: '',
  sizes: { ...p312.sizes, code: 208, type: 1712 },
};

export const PROFILES: Record<PythonVersion, Profile> = { '3.10': p310, '3.11': p311, '3.12': p312, '3.13': p313 };

export function getProfile(version: PythonVersion): Profile {
  return PROFILES[version];
}
