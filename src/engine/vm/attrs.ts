// Attribute access (PyObject_GenericGetAttr / SetAttr): type lookup along the MRO, descriptors
// (functions become bound methods, staticmethod, classmethod, property), instance attributes in a
// managed dict (3.11+) or a real __dict__ object (3.10), and the special attributes of builtins.
import {
  F_DEAD, PyBuiltin, PyCell, PyClassMethod, PyDict, PyException, PyFunction, PyInstance, PyMethod, PyMethodDescr,
  PyModule, PyNone, PyObject, PyProperty, PyStaticMethod, PyStr, PyTuple, PyType, PyGenerator, PySlice, PyInt, PyCode, PyFrameObj,
  PyFloat, PyWeakRef, PyRange, PySuper, PyMemberDescr,
} from '../objects/model';
import { memberSet, memberValue, noDictError } from './slots';
import { dictSize } from '../objects/sizes';
import { noteSharedKey } from '../objects/inline-values';
import { Containers } from './containers';
import { PyRaise } from './errors';
import { suggest } from './suggestions';
import { attrLabel } from './labels';

export abstract class Attrs extends Containers {
  /** the interned str of an identifier (shared with code objects' co_names); borrowed */
  abstract nameStr(name: string): PyStr;

  /** bumped whenever any type's namespace changes (the method cache's validity, as CPython's type versions) */
  typeVersion = 0;

  lookupType(t: PyType, name: string): PyObject | null {
    let cache = t.attrCache;
    if (!cache || t.attrCacheVersion !== this.typeVersion) {
      cache = t.attrCache = new Map();
      t.attrCacheVersion = this.typeVersion;
    }
    const hit = cache.get(name);
    if (hit !== undefined) return hit;
    let found: PyObject | null = null;
    for (const k of t.mro) {
      const v = k.dict.get(name);
      if (v !== undefined) {
        found = v;
        break;
      }
    }
    cache.set(name, found);
    return found;
  }

  /** the instance's attribute storage, created on first use */
  instanceDict(o: PyInstance): PyDict {
    if (o.attrs) return o.attrs;
    const d = new PyDict(this.T.dict);
    o.attrs = d;
    if (!this.profile.managedDicts) {
      // 3.10: a real dict object (key-sharing), held by the instance
      this.track(d, 104, true, [o, '__dict__'], false);
      d.tableSize = 8;
      o.dictMaterialized = true;
    }
    return d;
  }

  /** bind a descriptor found on the type to `o`; returns a new reference */
  bindDescriptor(d: PyObject, o: PyObject, owner: PyType): PyObject {
    if (d instanceof PyFunction) {
      const m = this.track(new PyMethod(this.T.method, d, o), this.profile.sizes.method, true);
      this.increfBy(d, [m, '__func__']);
      this.increfBy(o, [m, '__self__']);
      return m;
    }
    if (d instanceof PyMethodDescr) {
      const b = this.track(new PyBuiltin(this.T.builtin_function_or_method, d.name, d.fn, o), 72, true);
      this.increfBy(o, [b, '__self__']);
      return b;
    }
    if (d instanceof PyClassMethod) {
      const m = this.track(new PyMethod(this.T.method, d.func, owner), this.profile.sizes.method, true);
      this.increfBy(d.func, [m, '__func__']);
      this.increfBy(owner, [m, '__self__']);
      return m;
    }
    if (d instanceof PyStaticMethod) {
      this.incref(d.func);
      return d.func;
    }
    if (d instanceof PyProperty) {
      if (!d.fget) this.raise('AttributeError', 'property has no getter');
      return this.callObject(d.fget, [o]);
    }
    if (d instanceof PyMemberDescr) {
      const v = memberValue(this, d, o);
      if (!v) this.raise('AttributeError', `'${this.typeName(o)}' object has no attribute '${d.name}'`);
      this.incref(v);
      return v;
    }
    this.incref(d);
    return d;
  }

  getattr(o: PyObject, name: string): PyObject {
    const r = this.getattrOrNull(o, name);
    if (r) return r;
    if (o instanceof PyType) return this.raise('AttributeError', `type object '${o.name}' has no attribute '${name}'`);
    if (o instanceof PyModule) return this.raise('AttributeError', `module '${o.name}' has no attribute '${name}'`);
    const e = this.newException('AttributeError', `'${this.typeName(o)}' object has no attribute '${name}'`);
    const names = new Set<string>(o instanceof PyInstance ? this.attrNames(o) : []);
    for (const t of o.type.mro) for (const k of t.dict.keys()) names.add(k);
    const s = suggest(name, [...names].sort());
    if (s) e.suggestion = s;
    throw new PyRaise(e);
  }

  /** getattr without raising AttributeError for a missing name (other errors propagate) */
  getattrOrNull(o: PyObject, name: string): PyObject | null {
    if (o instanceof PyType) return this.typeGetattr(o, name);
    if (o instanceof PyModule) {
      const v = this.dictGetStr(o.dict, name);
      if (v) {
        this.incref(v);
        return v;
      }
      if (name === '__name__') return this.newStr(o.name);
      if (name === '__dict__') {
        this.incref(o.dict);
        return o.dict;
      }
      return null;
    }
    if (o instanceof PyTuple && o.fields) {
      const i = o.fields.indexOf(name);
      if (i >= 0) {
        this.incref(o.items[i]);
        return o.items[i];
      }
    }
    if (o instanceof PySuper) return this.superGetattr(o, name);
    if (o instanceof PyWeakRef) {
      if (o.proxy) {
        if (!o.target) this.raise('ReferenceError', 'weakly-referenced object no longer exists');
        return this.getattrOrNull(o.target!, name);
      }
      if (name === 'key' && o.key) {
        this.incref(o.key);
        return o.key;
      }
    }
    const t = o.type;
    const d = this.lookupType(t, name);
    if (d instanceof PyProperty) return this.bindDescriptor(d, o, t);
    if (d instanceof PyMemberDescr) {
      // a data descriptor: an unset slot falls back to __getattr__ only
      const v = memberValue(this, d, o);
      if (!v) return this.userGetattr(o, name);
      this.incref(v);
      return v;
    }
    if (o instanceof PyInstance && o.attrs) {
      const v = this.dictGetStr(o.attrs, name);
      if (v) {
        this.incref(v);
        return v;
      }
    }
    const special = this.specialAttr(o, name);
    if (special) return special;
    if (d) return this.bindDescriptor(d, o, t);
    return this.userGetattr(o, name);
  }

  /** slot_tp_getattr_hook: a class's __getattr__ after the generic lookup failed */
  private userGetattr(o: PyObject, name: string): PyObject | null {
    const t = o.type;
    if (o instanceof PyInstance) {
      const ga = this.lookupType(t, '__getattr__');
      if (ga && !(ga instanceof PyMethodDescr)) {
        const key = this.newStr(name);
        try {
          const m = this.bindDescriptor(ga, o, t);
          try {
            return this.callObject(m, [key]);
          } finally {
            this.decref(m);
          }
        } finally {
          this.decref(key);
        }
      }
    }
    return null;
  }

  /** super().name: look along the MRO after the class the method was defined in */
  private superGetattr(s: PySuper, name: string): PyObject | null {
    const obj = s.obj;
    const mro = obj instanceof PyType && this.isSubtype(obj, s.thisType) ? obj.mro : obj.type.mro;
    const i = mro.indexOf(s.thisType);
    for (let k = i + 1; k < mro.length; k++) {
      const d = mro[k].dict.get(name);
      if (d === undefined) continue;
      if (obj instanceof PyType && d instanceof PyFunction) {
        this.incref(d);
        return d;
      }
      return this.bindDescriptor(d, obj, obj instanceof PyType ? obj : obj.type);
    }
    if (name === '__class__') {
      this.incref(this.T.super);
      return this.T.super;
    }
    return null;
  }

  private typeGetattr(t: PyType, name: string): PyObject | null {
    switch (name) {
      case '__name__':
        return this.newStr(t.name);
      case '__qualname__':
        return this.newStr(t.qualname);
      case '__mro__':
        // a class keeps its tuples (tp_mro, tp_bases): the same object every time
        if (t.mroTuple) return (this.incref(t.mroTuple), t.mroTuple);
        return this.newTuple(t.mro.map((k) => (this.incref(k), k)));
      case '__bases__':
        if (t.basesTuple) return (this.incref(t.basesTuple), t.basesTuple);
        return this.newTuple(t.bases.map((k) => (this.incref(k), k)));
      case '__base__':
        if (t.bases[0]) {
          this.incref(t.bases[0]);
          return t.bases[0];
        }
        return this.none();
      case '__class__':
        this.incref(this.T.type);
        return this.T.type;
      case '__dict__': {
        // a mappingproxy in CPython; here a fresh dict with the class namespace
        const d = this.newDict();
        for (const [k, v] of t.dict) {
          const key = this.newStr(k);
          this.dictSet(d, key, v);
          this.decref(key);
        }
        return d;
      }
      case '__module__':
        if (!t.dict.has('__module__')) return this.newStr('builtins');
        break;
    }
    const d = this.lookupType(t, name);
    if (d) {
      if (d instanceof PyClassMethod) return this.bindDescriptor(d, t, t);
      if (d instanceof PyStaticMethod) {
        this.incref(d.func);
        return d.func;
      }
      this.incref(d);
      return d;
    }
    // methods of `type` itself (e.g. C.mro)
    const m = this.lookupType(this.T.type, name);
    if (m) return this.bindDescriptor(m, t, this.T.type);
    return null;
  }

  /** attributes builtin layouts expose (function.__name__, exc.args, cell.cell_contents, ...) */
  private specialAttr(o: PyObject, name: string): PyObject | null {
    if (name === '__class__') {
      this.incref(o.type);
      return o.type;
    }
    if (o instanceof PyInstance) {
      if (name === '__dict__') {
        if (!o.type.instDict) return null;
        const d = this.instanceDict(o);
        if (!o.dictMaterialized) {
          // 3.11+: asking for __dict__ materializes the managed dict as an object
          this.track(d, this.profile.managedDicts ? 296 : dictSize(this.profile, d), true, [o, '__dict__'], [...d.map.values()].some((e) => this.mayBeTracked(e.value)));
          o.dictMaterialized = true;
        }
        this.incref(d);
        return d;
      }
      if (o instanceof PyException) {
        switch (name) {
          case 'args':
            if (!o.args) o.args = this.newTuple([]);
            this.incref(o.args);
            return o.args;
          case '__traceback__':
            return this.retOrNone(o.traceback);
          case '__context__':
            return this.retOrNone(o.context);
          case '__cause__':
            return this.retOrNone(o.cause);
          case '__suppress_context__':
            return this.newBool(o.suppressContext);
          case 'value':
            if (this.isSubtype(o.type, this.T.StopIteration)) return this.retOrNone(o.value ?? (o.args?.items[0] ?? null));
            break;
        }
      }
      return null;
    }
    if (o instanceof PyFunction) {
      switch (name) {
        case '__name__':
          return this.newStr(o.name);
        case '__qualname__':
          return this.newStr(o.qualname);
        case '__code__':
          this.incref(o.codeObj);
          return o.codeObj;
        case '__defaults__':
          return this.retOrNone(o.defaults);
        case '__kwdefaults__':
          return this.retOrNone(o.kwdefaults);
        case '__closure__':
          return this.retOrNone(o.closure);
        case '__globals__':
          this.incref(o.globals);
          return o.globals;
        case '__module__':
          return this.newStr('__main__');
        case '__doc__': {
          // the docstring is the code's first constant
          const i = o.code.docConst;
          if (i === undefined) return this.none();
          const doc = this.constObjects(o.code)[i]!;
          this.incref(doc);
          return doc;
        }
        case '__dict__':
          if (!o.dict) o.dict = this.newDict();
          this.incref(o.dict);
          return o.dict;
      }
      if (o.dict) {
        const v = this.dictGetStr(o.dict, name);
        if (v) {
          this.incref(v);
          return v;
        }
      }
      return null;
    }
    if (o instanceof PyMethod) {
      if (name === '__self__') return this.retOrNone(o.self);
      if (name === '__func__') return this.retOrNone(o.func);
      if (name === '__name__' && o.func instanceof PyFunction) return this.newStr(o.func.name);
      // method_getattro: other attributes come from the function
      if (o.func instanceof PyFunction && (name === '__doc__' || name === '__qualname__' || name === '__module__')) return this.specialAttr(o.func, name);
      return null;
    }
    if (o instanceof PyBuiltin) {
      if (name === '__name__') return this.newStr(o.name);
      if (name === '__self__') return this.retOrNone(o.self);
      return null;
    }
    if (o instanceof PyCell && name === 'cell_contents') {
      if (!o.ref) this.raise('ValueError', 'Cell is empty');
      return this.retOrNone(o.ref);
    }
    if (o instanceof PySlice) {
      if (name === 'start') return this.retOrNone(o.start);
      if (name === 'stop') return this.retOrNone(o.stop);
      if (name === 'step') return this.retOrNone(o.step);
    }
    if (o instanceof PyRange) {
      if (name === 'start') return this.newInt(o.start);
      if (name === 'stop') return this.newInt(o.stop);
      if (name === 'step') return this.newInt(o.step);
    }
    if (o instanceof PyGenerator) {
      if (name === '__name__') return this.newStr(o.name);
      if (name === '__qualname__') return this.newStr(o.qualname);
      if (name === 'gi_running') return this.newBool(o.running);
      if (name === 'gi_suspended' && this.profile.version >= '3.11') return this.newBool(!o.running && !o.finished && !!(o.frame as { pc?: number } | null)?.pc);
      // the frame and code objects behind a generator are not simulated as Python objects
      if (name === 'gi_frame' || name === 'gi_code' || name === 'gi_yieldfrom') this.stopHere('generator introspection (`gi_frame`, `gi_code`, `gi_yieldfrom`)');
    }
    if (o instanceof PyCode && name.startsWith('co_')) this.stopHere('code object attributes (`co_*`)');
    if (o instanceof PyFrameObj && name.startsWith('f_')) this.stopHere('frame object attributes (`f_*`)');
    if (o instanceof PyStaticMethod || o instanceof PyClassMethod) {
      if (name === '__func__') return this.retOrNone(o.func);
    }
    if (o instanceof PyInt && !(o instanceof PyFloat)) {
      if (name === 'real' || name === 'numerator') return this.newInt(this.intValue(o));
      if (name === 'imag') return this.newInt(0);
      if (name === 'denominator') return this.newInt(1);
    }
    if (o instanceof PyFloat) {
      if (name === 'real') return this.newFloat(o.v);
      if (name === 'imag') return this.newFloat(0);
    }
    if (o instanceof PyWeakRef && name === '__callback__') return this.retOrNone(o.callback);
    if (o instanceof PyProperty) {
      if (name === 'fget') return this.retOrNone(o.fget);
      if (name === 'fset') return this.retOrNone(o.fset);
    }
    if (o instanceof PyDict && name === '__class__') return this.retOrNone(o.type);
    return null;
  }

  retOrNone(o: PyObject | null): PyObject {
    if (!o || o.flags & F_DEAD) return this.none();
    this.incref(o);
    return o;
  }

  setattr(o: PyObject, name: string, v: PyObject): void {
    if (o instanceof PyWeakRef && o.proxy) {
      if (!o.target) this.raise('ReferenceError', 'weakly-referenced object no longer exists');
      return this.setattr(o.target!, name, v);
    }
    if (o instanceof PyType) {
      if (!o.isHeap) this.typeError(`cannot set '${name}' attribute of immutable type '${o.name}'`);
      this.typeVersion++;
      const old = o.dict.get(name);
      o.dict.set(name, v);
      this.increfBy(v, [o, attrLabel(name)]);
      if (old) this.decrefBy(old, [o, attrLabel(name)]);
      return;
    }
    const d = this.lookupType(o.type, name);
    if (d instanceof PyProperty) {
      if (!d.fset) this.raise('AttributeError', `can't set attribute '${name}'`);
      const r = this.callObject(d.fset, [o, v]);
      this.decref(r);
      return;
    }
    if (o instanceof PyInstance) {
      const sa = this.lookupType(o.type, '__setattr__');
      if (sa && !(sa instanceof PyMethodDescr)) {
        const key = this.newStr(name);
        const m = this.bindDescriptor(sa, o, o.type);
        try {
          this.decref(this.callObject(m, [key, v]));
        } finally {
          this.decref(m);
          this.decref(key);
        }
        return;
      }
      this.instanceSet(o, name, v, d);
      return;
    }
    if (o instanceof PyFunction) {
      if (!o.dict) o.dict = this.newDict();
      const k = this.newStr(name);
      this.dictSet(o.dict, k, v);
      this.decref(k);
      return;
    }
    if (o instanceof PyModule) {
      const k = this.newStr(name);
      this.dictSet(o.dict, k, v, name);
      this.decref(k);
      return;
    }
    if (this.lookupType(o.type, name)) this.raise('AttributeError', `'${this.typeName(o)}' object attribute '${name}' is read-only`);
    this.raise('AttributeError', `'${this.typeName(o)}' object has no attribute '${name}'`);
  }

  /** object.__setattr__: a slot's member descriptor, else the instance dict; `descr` = the type's
   * attribute when the caller looked it up */
  instanceSet(o: PyInstance, name: string, v: PyObject, descr: PyObject | null = this.lookupType(o.type, name)): void {
    if (o instanceof PyException && name === '__traceback__') {
      const old = o.traceback;
      o.traceback = v instanceof PyNone ? null : (this.incref(v), v as never);
      if (old) this.decref(old);
      return;
    }
    if (descr instanceof PyMemberDescr) return memberSet(this, descr, o, v);
    if (!o.type.instDict) noDictError(this, o, name);
    const d = this.instanceDict(o);
    // attribute names live in the class's shared keys (the interned co_names strings): no per-instance
    // reference to them, as with CPython's key-sharing and managed dicts
    if (o.allocBytes) noteSharedKey(o.type, name);
    this.dictSetAttr(o, d, this.nameStr(name), v, name);
  }

  private dictSetAttr(o: PyInstance, d: PyDict, key: PyStr, v: PyObject, name: string): void {
    const hk = 's' + name;
    const e = d.map.get(hk);
    const holder: [PyObject, string] = o.dictMaterialized ? [d, `[${JSON.stringify(name).replace(/"/g, "'")}]`] : [o, attrLabel(name)];
    if (e) {
      const old = e.value;
      e.value = v;
      if (o.dictMaterialized && !d.gcTracked && this.mayBeTracked(v)) this.gcTrack(d);
      this.increfBy(v, holder);
      this.decrefBy(old, holder);
      return;
    }
    d.map.set(hk, { key, value: v });
    if (o.dictMaterialized && !d.gcTracked && this.mayBeTracked(v)) this.gcTrack(d);
    this.increfBy(v, holder);
    // a 3.10 key-sharing instance dict: 64 bytes plus a value slot per usable entry of the shared keys
    if (o.dictMaterialized && d.id && !this.profile.managedDicts) {
      let size = 8;
      while (((size << 1) / 3 | 0) < d.map.size) size <<= 1;
      this.resize(d, 64 + 8 * ((size << 1) / 3 | 0));
    }
  }

  delattr(o: PyObject, name: string): void {
    if (o instanceof PyInstance) {
      const descr = this.lookupType(o.type, name);
      if (descr instanceof PyMemberDescr) return memberSet(this, descr, o, null);
      if (!o.type.instDict) noDictError(this, o, name);
      const d = o.attrs;
      const e = d?.map.get('s' + name);
      if (!d || !e) this.raise('AttributeError', `'${this.typeName(o)}' object has no attribute '${name}'`);
      d.map.delete('s' + name);
      this.decrefBy(e.value, o.dictMaterialized ? [d, `['${name}']`] : [o, attrLabel(name)]);
      return;
    }
    if (o instanceof PyType && o.isHeap) {
      const old = o.dict.get(name);
      if (!old) this.raise('AttributeError', `type object '${o.name}' has no attribute '${name}'`);
      o.dict.delete(name);
      this.typeVersion++;
      this.decrefBy(old, [o, attrLabel(name)]);
      return;
    }
    this.raise('AttributeError', `'${this.typeName(o)}' object has no attribute '${name}'`);
  }

  /** names of instance attributes (for dir/vars) */
  attrNames(o: PyInstance): string[] {
    return o.attrs ? [...o.attrs.map.values()].map((e) => (e.key as PyStr).s) : [];
  }

  /** the tuple `t` as a JS array (borrowed) */
  tupleItems(t: PyObject): PyObject[] {
    return t instanceof PyTuple ? t.items : [];
  }
}
