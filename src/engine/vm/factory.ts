// Object creation: the builtin types and singletons, and one constructor per builtin layout with the
// size sys.getsizeof reports for the profile. Caches CPython keeps (small ints, 1-char strings, the
// interned-string table) live here, with their shared/immortal status per version.
import type { CodeObject, ConstValue } from '../compile/code';
import { constKey } from '../compile/builder';
import {
  F_ANNOUNCED, F_CONST, F_IMMORTAL, F_INTERNED, F_SHARED, F_SMALLINT,
  PyBool, PyCell, PyCode, PyDict, PyEllipsis, PyFloat, PyInt, PyList, PyNone, PyNotImplemented, PyObject, PySet,
  PyStr, PyTuple, PyType,
} from '../objects/model';
import { dictSize, intSize, listSize, setSize, strSize, tupleSize } from '../objects/sizes';
import { Runtime, SHARED_RC, type HolderSpec } from './runtime';
import { indexLabel } from './labels';

/** where the heap objects the interpreter made at start-up live (below the program's arenas) */
const STARTUP_HEAP = 0x7f1b00000000;

export interface BuiltinTypes {
  [name: string]: PyType;
}

export abstract class Factory extends Runtime {
  T!: BuiltinTypes;
  None!: PyNone;
  True!: PyBool;
  False!: PyBool;
  NotImplemented!: PyNotImplemented;
  Ellipsis!: PyEllipsis;
  private smallInts = new Map<number, PyInt>();
  private chars = new Map<string, PyStr>();
  /** heap copies of 1-char strings the standard library interned at start-up (profile.oneCharConstantsInternedElsewhere) */
  private startupInternedChars = new Map<string, PyStr>();
  readonly interned = new Map<string, PyStr>();
  emptyStr: PyStr | null = null;
  emptyTuple: PyTuple | null = null;

  /** Mark an interpreter-owned object: immortal on 3.12+, else shared with an unknowable count. */
  makeShared(o: PyObject, base = 0): void {
    if (o.id === 0) o.id = this.allocator.allocate(o.size || 16);
    if (this.profile.immortalObjects) {
      o.flags |= F_IMMORTAL;
      o.rc = this.profile.immortalRefcount;
    } else if (base > 0) {
      o.flags |= F_SHARED;
      o.rc = base;
    } else {
      o.flags |= F_SHARED;
      o.rc = SHARED_RC;
    }
  }

  // ------------------------------------------------------------ types

  newStaticType(name: string, layout: string, base: PyType | null, gcInstances = false): PyType {
    const t = new PyType(this.T?.type ?? null, name, layout);
    if (base) {
      t.bases = [base];
      t.mro = [t, ...base.mro];
    } else t.mro = [t];
    t.gcInstances = gcInstances;
    this.makeShared(t);
    t.size = this.profile.sizes.type;
    return t;
  }

  // ------------------------------------------------------------ numbers

  newInt(v: number | bigint): PyInt {
    if (typeof v === 'bigint' && v >= -9007199254740991n && v <= 9007199254740991n) v = Number(v);
    if (typeof v === 'number' && v >= -5 && v <= 256) {
      let o = this.smallInts.get(v);
      if (!o) {
        o = new PyInt(this.T.int, v);
        o.flags |= F_SMALLINT;
        this.makeShared(o);
        o.size = intSize(this.profile, v);
        this.trackShared(o);
        this.smallInts.set(v, o);
      }
      this.incref(o);
      return o;
    }
    return this.track(new PyInt(this.T.int, v), intSize(this.profile, v));
  }

  newBool(b: boolean): PyBool {
    const o = b ? this.True : this.False;
    this.incref(o);
    return o;
  }

  newFloat(v: number): PyFloat {
    return this.track(new PyFloat(this.T.float, v), this.profile.sizes.float);
  }

  /** a new reference to None */
  none(): PyNone {
    this.incref(this.None);
    return this.None;
  }

  // ------------------------------------------------------------ strings

  newStr(s: string): PyStr {
    if (s.length === 0) {
      if (!this.emptyStr) {
        const e = new PyStr(this.T.str, '');
        this.makeShared(e, this.profile.staticObjectBase);
        e.size = strSize(this.profile, '');
        this.trackShared(e);
        this.emptyStr = e;
      }
      this.incref(this.emptyStr);
      return this.emptyStr;
    }
    if (s.length === 1 && s.charCodeAt(0) < 256) {
      let c = this.chars.get(s);
      if (!c) {
        c = new PyStr(this.T.str, s);
        // made at start-up (3.11+: statically allocated): never one of the program's freed blocks
        c.id = STARTUP_HEAP + 0x100000 + s.charCodeAt(0) * 64;
        // 3.10 keeps 1-char latin-1 strings in a cache (one reference); the interpreter itself holds
        // the ASCII ones in countless places, the others hardly ever
        const base = this.profile.staticObjectBase || (s.charCodeAt(0) >= 128 ? 1 : 0);
        this.makeShared(c, base);
        c.size = strSize(this.profile, s);
        this.trackShared(c);
        this.chars.set(s, c);
      }
      this.incref(c);
      return c;
    }
    return this.track(new PyStr(this.T.str, s), strSize(this.profile, s));
  }

  /** sys.intern / compile-time interning: returns a new reference to the canonical string */
  intern(o: PyStr): PyStr {
    if (o.flags & (F_INTERNED | F_SHARED | F_IMMORTAL)) {
      this.incref(o);
      return o;
    }
    const existing = this.interned.get(o.s);
    if (existing) {
      this.incref(existing);
      return existing;
    }
    o.flags |= F_INTERNED;
    if (this.profile.internedImmortal) {
      o.flags |= F_IMMORTAL;
      o.rc = this.profile.immortalRefcount;
    }
    this.interned.set(o.s, o);
    this.incref(o);
    return o;
  }

  /** interpreter-owned objects are recorded as allocated (so the trace knows them) but not counted as program memory */
  private trackShared(o: PyObject): void {
    if (o.id === 0) o.id = this.allocator.allocate(o.size);
    if (this.rec.enabled) o.flags |= F_ANNOUNCED;
    if (this.rec.enabled)
      this.rec.alloc(o.id, this.typeName(o), o.size, 0, this.shortRepr(o), this.flagList(o), undefined, { kind: 'interpreter', what: 'cache' }, o.rc);
  }

  // ------------------------------------------------------------ containers

  newList(items: PyObject[], allocated = items.length): PyList {
    const l = new PyList(this.T.list, items);
    l.allocated = allocated;
    this.checkMemory(allocated * 8);
    return this.track(l, listSize(this.profile, allocated), true);
  }

  /** items are owned references that move into the tuple */
  newTuple(items: PyObject[]): PyTuple {
    if (items.length === 0) {
      if (!this.emptyTuple) {
        const t = new PyTuple(this.T.tuple, []);
        this.makeShared(t);
        t.size = tupleSize(this.profile, 0);
        this.trackShared(t);
        this.emptyTuple = t;
      }
      this.incref(this.emptyTuple);
      return this.emptyTuple;
    }
    const t = this.track(new PyTuple(this.T.tuple, items), tupleSize(this.profile, items.length), true, undefined, !(this.constMode && this.profile.constTuplesUntracked));
    if (this.rec.enabled) {
      // constant items were created as "held by co_consts": that reference is the tuple's now
      if (this.constMode) items.forEach((x, i) => x.flags & F_IMMORTAL || this.emitMove(x, this.holderOf(['interp', 'co_consts']), this.holderOf([t, indexLabel(i)])));
      else items.forEach((x, i) => this.moveTo(x, [t, indexLabel(i)]));
    }
    return t;
  }

  newDict(presize = 0): PyDict {
    const d = new PyDict(this.T.dict);
    if (presize > 0) {
      d.tableSize = presizedTable(presize);
    }
    // dicts start untracked and are tracked once they hold a container (MAINTAIN_TRACKING)
    return this.track(d, dictSize(this.profile, d), true, undefined, false);
  }

  newSet(frozen = false): PySet {
    return this.track(new PySet(frozen ? this.T.frozenset : this.T.set, frozen), setSize(this.profile, 7), true);
  }

  newCell(ref: PyObject | null, holder?: HolderSpec): PyCell {
    const c = this.track(new PyCell(this.T.cell, ref), this.profile.sizes.cell, true, holder);
    if (ref) this.increfBy(ref, [c, 'cell_contents']);
    return c;
  }

  // ------------------------------------------------------------ constants

  /** Materialize a code object's constants (co_consts). Script constants are also held by the AST arena. */
  constObjects(code: CodeObject): PyObject[] {
    if (code.constObjs) return code.constObjs;
    const objs = code.consts.map((c) => this.constObject(c));
    code.constObjs = objs;
    return objs;
  }

  private constCache = new Map<string, PyObject>();

  private constObject(c: ConstValue): PyObject {
    const key = constKey(c);
    const cached = this.constCache.get(key);
    if (cached) {
      this.increfBy(cached, ['interp', 'co_consts']);
      return cached;
    }
    const saved = this.constMode;
    this.constMode = true;
    let o: PyObject;
    try {
      o = this.buildConst(c);
    } finally {
      this.constMode = saved;
    }
    o.flags |= F_CONST;
    // the script's AST arena holds one more reference to every literal and folded constant
    if (c.t !== 'None' && c.t !== 'bool' && c.t !== 'Ellipsis' && c.t !== 'code') this.increfBy(o, ['arena']);
    this.constCache.set(key, o);
    return o;
  }

  /** the interned heap copy of a 1-char string that interning a constant returns instead of the singleton */
  private startupInternedChar(ch: string): PyStr {
    let o = this.startupInternedChars.get(ch);
    if (!o) {
      o = new PyStr(this.T.str, ch);
      o.size = strSize(this.profile, ch);
      // allocated at start-up, long before the program: never one of the program's freed blocks
      o.id = STARTUP_HEAP + ch.charCodeAt(0) * 64;
      // held by the interned dict and by the module that interned it: an interpreter-wide count
      this.makeShared(o);
      o.flags |= F_INTERNED;
      this.trackShared(o);
      this.startupInternedChars.set(ch, o);
    }
    this.incref(o);
    return o;
  }

  private buildConst(c: ConstValue): PyObject {
    switch (c.t) {
      case 'int':
        return this.newInt(c.v);
      case 'float':
        return this.newFloat(c.v);
      case 'str': {
        if (c.v.length === 1 && this.profile.oneCharConstantsInternedElsewhere?.includes(c.v)) return this.startupInternedChar(c.v);
        const s = this.newStr(c.v);
        if (isIdentifierLike(c.v) && !(s.flags & (F_SHARED | F_IMMORTAL))) {
          const i = this.intern(s);
          this.decref(s);
          return i;
        }
        return s;
      }
      case 'bool':
        return this.newBool(c.v);
      case 'None':
        return this.none();
      case 'Ellipsis':
        this.incref(this.Ellipsis);
        return this.Ellipsis;
      case 'tuple':
        return this.newTuple(c.items.map((x) => this.constObject(x)));
      case 'code':
        return this.track(new PyCode(this.T.code, c.code), this.profile.sizes.code);
    }
  }
}

/** CPython interns constant strings made only of name characters (all_name_chars in codeobject.c). */
export function isIdentifierLike(s: string): boolean {
  return /^[A-Za-z0-9_]+$/.test(s);
}

/** _PyDict_NewPresized: the smallest table (power of 2, >= 8) whose usable size holds n items */
export function presizedTable(n: number): number {
  if (n <= 5) return 8;
  let size = 8;
  while ((size * 2) / 3 < n) size *= 2;
  return size;
}
