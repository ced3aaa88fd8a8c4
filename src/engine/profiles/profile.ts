// A Profile holds every version-specific fact of one CPython release (64-bit default build).
// Behaviour branches on these fields, never on version strings. Facts were measured on the real
// interpreters (see test/oracle); comments say which.
import type { PythonVersion } from '../api';

/** How CPython's code generator shapes the value stack (compile/stacksize.ts), 3.11+ */
export interface StackShape {
  /** 3.12+: a generator's body is wrapped in a handler (depth 2) turning StopIteration into RuntimeError */
  genWrapper: boolean;
  /** 3.12: `return <constant>` is RETURN_CONST (nothing pushed); 3.13 counts the LOAD_CONST again */
  returnConst: boolean;
  /** 3.12+: `a and b` keeps a copy of `a` while testing it (COPY 1) */
  boolOpCopy: boolean;
  /** 3.12+: list/set/dict comprehensions run inline (PEP 709) */
  inlineComps: boolean;
  /** 3.13: keyword names of a call are an operand on the stack (CALL_KW) */
  kwNamesOnStack: boolean;
  /** 3.12+: yield from / await keep a handler one above the SEND loop */
  sendHandler: boolean;
  /** 3.12: a field nested in a format spec is followed by an extra empty string piece */
  specExtraPiece: boolean;
}

export interface Profile {
  version: PythonVersion;
  versionInfo: [number, number, number, string, number];
  /** 3.10 copies call arguments into the new frame (an extra reference while the caller's stack holds them); 3.11+ moves them */
  argsCopiedIntoFrame: boolean;
  /** 3.12+: small ints, None, True, False, static strings, static types are immortal (refcount 4294967295 in 3.12/3.13) */
  immortalObjects: boolean;
  immortalRefcount: number;
  /** 3.11: statically allocated objects (1-char latin-1 strings, '') start at this count (0 = unknown/shared) */
  staticObjectBase: number;
  /**
   * 1-char string constants that are NOT the latin-1 singleton `s[0]` returns: the standard library
   * interned a heap copy of the character at start-up, and constant interning returns that copy
   * (measured on the real interpreter by test/oracle/programs/core/is_one_char_constants.py).
   */
  oneCharConstantsInternedElsewhere?: string;
  /** 3.11+: instance __dict__ is managed by the object (no separate dict object until asked for) */
  managedDicts: boolean;
  /** 3.13: instances of plain classes carry their attribute values inline, allocated with the object
   * and sized from the class's shared keys (objects/inline-values.ts); sys.getsizeof does not count them */
  inlineValues: boolean;
  /** 3.13: a class body stores __firstlineno__ and __static_attributes__ in the class namespace */
  classBodyMetadata: boolean;
  /** 3.12+: the weak-reference list of a class's instances lives in the pre-header (Py_TPFLAGS_MANAGED_WEAKREF),
   * not in a pointer slot after the object (objects/slots.ts sizes instances from it) */
  managedWeakrefs: boolean;
  /** 3.13: the message of setting/deleting an unknown attribute on an instance without __dict__ adds
   * " and no __dict__ for setting new attributes" */
  noDictSetMessage: boolean;
  /** 3.11+: a generator embeds its frame; sys.getsizeof = sizes.generator + 8 * (co_nlocalsplus + co_stacksize) */
  generatorEmbedsFrame: boolean;
  /** CPython's value-stack shapes for co_stacksize; null = not modelled (3.10, whose generators do not embed frames) */
  stackShape: StackShape | null;
  /** 3.12+: comprehensions are inlined into their enclosing frame (PEP 709) */
  inlinedComprehensions: boolean;
  gcThresholds: [number, number, number];
  recursionLimit: number;
  sizes: {
    /** sys.getsizeof(0) */
    intZero: number;
    /** sys.getsizeof of an int with k 30-bit digits is intBase + 4*k */
    intBase: number;
    float: number;
    /** empty str: compact ascii header + 1 */
    strAsciiHeader: number;
    /** header of a compact non-ascii str (latin-1/UCS-2/UCS-4 kinds) */
    strCompactHeader: number;
    /** list object incl. GC header, without item slots */
    list: number;
    tuple: number;
    dictEmpty: number;
    /** dict with a keys table of size 8 (first insertion) */
    dictMin: number;
    set: number;
    /** instance of a plain class (incl. GC header and pre-header) */
    instance: number;
    function: number;
    cell: number;
    method: number;
    /** 3.10: the generator object; 3.11+: without its frame's slots (see generatorEmbedsFrame) */
    generator: number;
    range: number;
    slice: number;
    iterator: number;
    code: number;
    module: number;
    type: number;
    /** what sys.getsizeof of a class counts for its instances' cached (shared) dict keys; a class whose
     * instances have no __dict__ (__slots__) has none */
    typeCachedKeys: number;
    exception: number;
    bool: number;
    none: number;
    /** a weak reference object (sys.getsizeof(weakref.ref(x))) */
    weakref: number;
  };
  /** key table bytes for a dict: index size per entry and entry size (unicode-keys tables have smaller entries in 3.11+) */
  dictEntrySize: number;
  dictUnicodeEntrySize: number;
  /**
   * Callables that get their arguments as a tuple (and keywords as a dict): types without vectorcall
   * (by type name), METH_VARARGS builtins and methods ('str.format'), print's clinic *args (3.11+).
   */
  callArgTuples: string;
  /** 3.10: builtins whose argument parser builds its keyword-names tuple on the first call with keywords */
  lazyKwParsers: string;
  /** 3.11+: super has a vectorcall (3.10 builds an argument tuple for super(type, obj) called from C) */
  superVectorcall: boolean;
  /**
   * The builtin types whose __subclasses__ table (a dict) exists when a program starts (the standard
   * library subclassed them); the first subclass of any other type creates it (p12-style probes: the
   * first `class X(base): pass` counts one more than the second).
   */
  typesWithSubclassTable: string;
  /** 3.12: the compiler untracks constant tuples */
  constTuplesUntracked: boolean;
  /** 3.10: interned strings in the interpreter-wide table are not counted; 3.12: interned are immortal */
  internedImmortal: boolean;
}
