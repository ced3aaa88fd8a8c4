// The object model's data shapes: PyObject's header (address, refcount, type, flags) and one class per
// builtin layout. Behaviour lives beside them (one module per type); this file has no imports of the VM.
import type { CodeObject } from '../compile/code';

export const F_SHARED = 1; // owned by the interpreter (singletons, builtins): count not knowable
export const F_IMMORTAL = 2; // 3.12+: refcount never changes
export const F_INTERNED = 4;
export const F_SMALLINT = 8;
export const F_CONST = 16; // held by a code object's co_consts
export const F_DEAD = 32; // deallocated
export const F_FINALIZED = 64; // __del__ already ran (PEP 442)
export const F_ANNOUNCED = 128; // an interpreter-owned object the trace has been told about

export class PyObject {
  /** simulated address: what id() returns */
  id = 0;
  rc = 1;
  flags = 0;
  /** allocation site (line) */
  line = 0;
  /** bytes as sys.getsizeof reports */
  size = 0;
  /** a GC-capable type (counted by the collector when allocated); tracking can come and go */
  gcType = false;
  gcTracked = false;
  gen = 0;
  /** collector scratch (gc_refs, list position, membership epoch), valid during one collection */
  gcRefs = 0;
  gcPos = 0;
  gcEpoch = 0;
  constructor(public type: PyType) {}
}

export class PyNone extends PyObject {}
export class PyNotImplemented extends PyObject {}
export class PyEllipsis extends PyObject {}

export class PyInt extends PyObject {
  /** JS number when a safe integer, bigint beyond */
  constructor(type: PyType, public v: number | bigint) {
    super(type);
  }
}
export class PyBool extends PyInt {}

export class PyFloat extends PyObject {
  constructor(type: PyType, public v: number) {
    super(type);
  }
}

export class PyStr extends PyObject {
  /** code-point length cache */
  constructor(type: PyType, public s: string) {
    super(type);
  }
}

export class PyList extends PyObject {
  /** allocated slots (list over-allocation) */
  allocated = 0;
  constructor(type: PyType, public items: PyObject[]) {
    super(type);
  }
}

export class PyTuple extends PyObject {
  /** a struct sequence (sys.version_info, ...): its field names and type name */
  fields?: string[];
  structName?: string;
  constructor(type: PyType, public items: PyObject[]) {
    super(type);
  }
}

export interface DictEntry {
  key: PyObject;
  value: PyObject;
}
export class PyDict extends PyObject {
  /** key fingerprint -> entry; insertion order kept by the Map */
  map = new Map<string, DictEntry>();
  /** keys table size (0 = the shared empty table) */
  tableSize = 0;
  /** entries used in the table since its last resize (deleted ones still count) */
  tableFill = 0;
  /** all keys so far are str (3.11+ unicode tables) */
  unicodeKeys = true;
  /** a namespace (class body): its values are held as names of that frame */
  ns: { frame: number; scope: 'class' | 'global' } | null = null;
  constructor(type: PyType) {
    super(type);
  }
}

export class PySet extends PyObject {
  map = new Map<string, PyObject>();
  mask = 7;
  fill = 0;
  constructor(type: PyType, public frozen: boolean) {
    super(type);
  }
}

export class PyCell extends PyObject {
  constructor(type: PyType, public ref: PyObject | null) {
    super(type);
  }
}

/** A code object as a heap object (held by co_consts of its parent and by functions made from it). */
export class PyCode extends PyObject {
  constructor(type: PyType, public code: CodeObject) {
    super(type);
  }
}

export class PyFunction extends PyObject {
  defaults: PyTuple | null = null;
  kwdefaults: PyDict | null = null;
  closure: PyTuple | null = null;
  dict: PyDict | null = null;
  qualname: string;
  constructor(type: PyType, public code: CodeObject, public codeObj: PyCode, public globals: PyDict, public name: string) {
    super(type);
    this.qualname = code.qualname;
  }
}

export type NativeFn = (args: PyObject[], kwargs: Map<string, PyObject> | null, self: PyObject | null) => PyObject;

/** A builtin function or method (PyCFunction); `self` is bound for methods of an object. */
export class PyBuiltin extends PyObject {
  constructor(type: PyType, public name: string, public fn: NativeFn, public self: PyObject | null = null) {
    super(type);
  }
}

/** A method descriptor of a builtin type: calling it with an instance calls `fn` with self. */
export class PyMethodDescr extends PyObject {
  constructor(type: PyType, public name: string, public fn: NativeFn, public owner: PyType) {
    super(type);
  }
}

export class PyMethod extends PyObject {
  constructor(type: PyType, public func: PyObject, public self: PyObject) {
    super(type);
  }
}

export class PyStaticMethod extends PyObject {
  constructor(type: PyType, public func: PyObject) {
    super(type);
  }
}
export class PyClassMethod extends PyObject {
  constructor(type: PyType, public func: PyObject) {
    super(type);
  }
}
export class PyProperty extends PyObject {
  constructor(type: PyType, public fget: PyObject | null, public fset: PyObject | null, public fdel: PyObject | null) {
    super(type);
  }
}

export class PyType extends PyObject {
  dict = new Map<string, PyObject>();
  /** ht_qualname: the __qualname__ string a class statement gave it (held by the class, not in its dict) */
  qualnameRef: PyObject | null = null;
  /** the trace's short repr of its instances (`<Pair object>`), shared by all of them, and the qualname it was made for */
  instanceLabel: string | null = null;
  instanceLabelFor = '';
  mro: PyType[] = [];
  bases: PyType[] = [];
  /** the MRO tuple object of a heap type (holds references to the classes) */
  mroTuple: PyTuple | null = null;
  basesTuple: PyTuple | null = null;
  isHeap = false;
  /** instances are GC-tracked containers */
  gcInstances = false;
  /** builtin layout the instances share, e.g. 'object', 'list', 'BaseException' */
  layout: string;
  /** heap types: the getset descriptors __dict__/__weakref__ that reference the type */
  descrRefs = 0;
  /** heap types: which of those it has (bit 1: __dict__, bit 2: __weakref__) */
  getsets = 0;
  /** heap types: addresses of the GC objects CPython keeps with a class and the engine has no object for (gc/type-objects.ts; 0 = none) */
  hiddenDict = 0;
  hiddenDescrDict = 0;
  hiddenDescrWeak = 0;
  hiddenWeakref = 0;
  /** its __subclasses__ table (-1: made by the interpreter's own code) */
  hiddenSubclasses = 0;
  qualname: string;
  /** attribute lookup cache along the MRO, valid for one type version */
  attrCache: Map<string, PyObject | null> | null = null;
  attrCacheVersion = -1;
  /** the tp_base reference was released (tp_clear / dealloc) */
  baseReleased = false;
  /** 3.13 inline values: the shared keys' counters that size new instances (inline-values.ts) */
  sharedKeys: { usable: number; names: Set<string> } | null = null;
  /** instance layout (objects/slots.ts): slots of the whole base chain, the members this class adds
   * (sorted), whether instances have a __dict__ / a weak-reference list */
  nslots = 0;
  slotNames: string[] = [];
  instDict = true;
  instWeak = true;
  /** heap types with __slots__: the ht_slots tuple CPython keeps (gc/type-objects.ts; 0 = none) and its length */
  hiddenSlots = 0;
  hiddenSlotsN = 0;
  constructor(metatype: PyType | null, public name: string, layout: string) {
    super(metatype as PyType);
    this.layout = layout;
    this.qualname = name;
  }
}

/** Instance of a user class (or of object / an exception class). */
export class PyInstance extends PyObject {
  /** attributes (the managed dict, or the __dict__ object's contents) */
  attrs: PyDict | null = null;
  /** the __dict__ has been materialized as a real dict object (3.10 always, 3.11+ on demand) */
  dictMaterialized = false;
  /** bytes actually allocated when more than sys.getsizeof reports (3.13 inline values); 0 = size */
  allocBytes = 0;
  /** __slots__ values (index = the member descriptor's); null = unset */
  slots: (PyObject | null)[] | null = null;
  constructor(type: PyType) {
    super(type);
  }
}

/** A member descriptor (`<member 'x' of 'P' objects>`): a __slots__ entry of `owner`, slot `index` of
 * its instances; it holds a reference to the class (d_type). */
export class PyMemberDescr extends PyObject {
  constructor(type: PyType, public name: string, public owner: PyType, public index: number) {
    super(type);
  }
}

export class PyException extends PyInstance {
  args: PyTuple | null = null;
  traceback: PyTraceback | null = null;
  context: PyObject | null = null;
  cause: PyObject | null = null;
  suppressContext = false;
  /** StopIteration.value, SystemExit.code, KeyError formatting etc. */
  value: PyObject | null = null;
  /** "Did you mean: ..." shown after the message when the traceback is printed */
  suggestion?: string;
  /** traceback entries, innermost last (frames are not kept alive by the simulation) */
  tb?: { name: string; line: number; frame: number; internal?: boolean }[];
}

export class PyTraceback extends PyObject {
  constructor(type: PyType, public frame: PyFrameObj, public lineno: number, public next: PyTraceback | null) {
    super(type);
  }
}

/** The frame object (only materialized for tracebacks and generators). */
export class PyFrameObj extends PyObject {
  /** the evaluation loop's frame (a Frame); once it finished, this object owns its locals */
  vmFrame: unknown = null;
  ownsLocals = false;
  constructor(type: PyType, public frameId: number, public code: CodeObject) {
    super(type);
  }
}

export class PyModule extends PyObject {
  constructor(type: PyType, public name: string, public dict: PyDict) {
    super(type);
  }
}

export class PyRange extends PyObject {
  constructor(type: PyType, public start: number, public stop: number, public step: number) {
    super(type);
  }
}

export class PySlice extends PyObject {
  constructor(type: PyType, public start: PyObject, public stop: PyObject, public step: PyObject) {
    super(type);
  }
}

/** Iterators over builtin sequences: list_iterator, tuple_iterator, range_iterator, str_iterator, dict iterators, ... */
export class PySeqIter extends PyObject {
  index = 0;
  /** keys of a dict/set at iteration start (their order) */
  snapshot?: PyObject[];
  constructor(type: PyType, public seq: PyObject | null, public reversed = false) {
    super(type);
  }
}
export class PyRangeIter extends PyObject {
  constructor(type: PyType, public next: number, public stop: number, public step: number) {
    super(type);
  }
}
/** Iterators implemented natively over a JS iterator of already-owned objects (zip, map, enumerate, ...). */
export class PyNativeIter extends PyObject {
  constructor(type: PyType, public nextFn: () => PyObject | null, public refs: PyObject[]) {
    super(type);
  }
}

export class PyGenerator extends PyObject {
  /** VM frame of the generator (null once finished) */
  frame: unknown = null;
  running = false;
  finished = false;
  returnValue: PyObject | null = null;
  constructor(type: PyType, public name: string, public qualname: string) {
    super(type);
  }
}

export class PySuper extends PyObject {
  constructor(type: PyType, public thisType: PyType, public obj: PyObject) {
    super(type);
  }
}

/** Objects of the weakref module (issue 3); a weak reference never counts in refcounts. */
export class PyWeakRef extends PyObject {
  proxy = false;
  /** KeyedRef.key */
  key: PyObject | null = null;
  constructor(type: PyType, public target: PyObject | null, public callback: PyObject | null) {
    super(type);
  }
}

/** dict.keys() / values() / items() views */
export class PyDictView extends PyObject {
  constructor(type: PyType, public dict: PyDict, public kind: 'keys' | 'values' | 'items') {
    super(type);
  }
}
