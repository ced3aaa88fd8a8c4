// Calls: binding arguments to a function's fast locals (CPython's _PyEval_MakeFrameVector), the
// generic call of any callable from native code, and class instantiation (type_call).
import { CO_GENERATOR, CO_VARARGS, CO_VARKEYWORDS } from '../compile/code';
import {
  PyBuiltin, PyCell, PyClassMethod, PyDict, PyException, PyFunction, PyGenerator, PyInstance, PyMethod,
  PyMethodDescr, PyObject, PyStaticMethod, PyStr, PyTuple, PyType, PyNone, PyWeakRef,
} from '../objects/model';
import { Attrs } from './attrs';
import { CtorTable } from '../gc/call-tuples';
import type { Interpreter } from './machine';
import { Frame } from './frame';

export abstract class Calls extends Attrs {
  frameSerial = 0;
  /** set by CALL_FUNCTION_EX for the next makeFrame (3.12+ passes the tuple itself as *args) */
  reuseVarargs: PyTuple | null = null;
  /** likewise for f(**d) into a function with only **kwargs (3.12+) */
  reuseVarkw: PyDict | null = null;
  depth = 0;

  abstract runFrame(f: Frame): PyObject;
  abstract newGenerator(f: Frame, func: PyFunction): PyGenerator;
  abstract newInstance(t: PyType): PyObject;

  /**
   * Create a frame for `func` with its arguments bound. `args` are owned by the frame when `owned`
   * (3.11+ moves stack references into the frame), else they are borrowed and increfed.
   */
  makeFrame(func: PyFunction, args: PyObject[], kwargs: Map<string, PyObject> | null, owned: boolean, parent: Frame | null): Frame {
    const code = func.code;
    const nlocals = code.varnames.length;
    const fast: (PyObject | null)[] = new Array(nlocals).fill(null);
    const id = ++this.frameSerial;
    if (this.rec.enabled) this.rec.call(id, this.curFrameId, func.code.qualname, code.firstLine);
    const holder = (name: string): ['name', number, string, 'local'] => ['name', id, name, 'local'];
    const take = (v: PyObject, name: string): PyObject => {
      if (owned) this.moveTo(v, holder(name));
      else this.increfBy(v, holder(name));
      return v;
    };
    const argc = code.argcount;
    const nargs = args.length;
    const fname = func.qualname;
    // positional
    const npos = Math.min(nargs, argc);
    for (let i = 0; i < npos; i++) fast[i] = take(args[i], code.varnames[i]);
    let slot = argc + code.kwonlyargcount;
    const reuse = this.reuseVarargs;
    this.reuseVarargs = null;
    if (code.flags & CO_VARARGS && reuse && reuse.items.length === args.length && argc === 0) {
      this.increfBy(reuse, holder(code.varnames[slot]));
      fast[slot] = reuse;
      slot++;
    } else if (code.flags & CO_VARARGS) {
      const extra = args.slice(npos);
      if (owned) for (const x of extra) this.moveTo(x, ['stack', this.curFrameId]);
      else for (const x of extra) this.incref(x);
      const t = this.newTuple(extra);
      fast[slot] = t;
      this.moveTo(t, holder(code.varnames[slot]));
      slot++;
    } else if (nargs > argc) {
      this.releaseArgs(fast, args, owned, npos);
      const given = nargs;
      const dflt = func.defaults ? func.defaults.items.length : 0;
      const takes = dflt ? `from ${argc - dflt} to ${argc}` : `${argc}`;
      this.typeError(`${fname}() takes ${takes} positional argument${argc === 1 && !dflt ? '' : 's'} but ${given} ${given === 1 ? 'was' : 'were'} given`);
    }
    let kwdict: PyDict | null = null;
    const reuseKw = this.reuseVarkw;
    this.reuseVarkw = null;
    if (code.flags & CO_VARKEYWORDS && reuseKw && argc === 0 && code.kwonlyargcount === 0) {
      this.increfBy(reuseKw, holder(code.varnames[slot]));
      fast[slot] = reuseKw;
      kwargs = null;
    } else if (code.flags & CO_VARKEYWORDS) {
      kwdict = this.newDict();
      fast[slot] = kwdict;
      this.moveTo(kwdict, holder(code.varnames[slot]));
    }
    if (kwargs) {
      for (const [k, v] of kwargs) {
        const i = code.varnames.indexOf(k);
        if (i >= code.posonlyargcount && i >= 0 && i < argc + code.kwonlyargcount) {
          if (fast[i] !== null) {
            this.releaseArgs(fast, args, owned, npos);
            this.typeError(`${fname}() got multiple values for argument '${k}'`);
          }
          fast[i] = take(v, k);
        } else if (kwdict) {
          const key = this.newStr(k);
          this.dictSet(kwdict, key, v);
          this.decref(key);
          if (owned) this.decref(v);
        } else {
          this.releaseArgs(fast, args, owned, npos);
          this.typeError(`${fname}() got an unexpected keyword argument '${k}'`);
        }
      }
    }
    // defaults
    const defaults = func.defaults ? func.defaults.items : [];
    const firstDefault = argc - defaults.length;
    const missing: string[] = [];
    for (let i = 0; i < argc; i++) {
      if (fast[i] !== null) continue;
      if (i >= firstDefault) {
        const d = defaults[i - firstDefault];
        this.increfBy(d, holder(code.varnames[i]));
        fast[i] = d;
      } else missing.push(code.varnames[i]);
    }
    if (missing.length) {
      this.releaseArgs(fast, args, owned, npos);
      const names = missing.map((n) => `'${n}'`);
      const list = names.length === 1 ? names[0] : names.length === 2 ? `${names[0]} and ${names[1]}` : `${names.slice(0, -1).join(', ')}, and ${names[names.length - 1]}`;
      this.typeError(`${fname}() missing ${missing.length} required positional argument${missing.length > 1 ? 's' : ''}: ${list}`);
    }
    const kwmissing: string[] = [];
    for (let i = argc; i < argc + code.kwonlyargcount; i++) {
      if (fast[i] !== null) continue;
      const name = code.varnames[i];
      const d = func.kwdefaults ? this.dictGetStr(func.kwdefaults, name) : null;
      if (d) {
        this.increfBy(d, holder(name));
        fast[i] = d;
      } else kwmissing.push(name);
    }
    if (kwmissing.length) {
      this.releaseArgs(fast, args, owned, npos);
      this.typeError(`${fname}() missing ${kwmissing.length} required keyword-only argument${kwmissing.length > 1 ? 's' : ''}: ${kwmissing.map((n) => `'${n}'`).join(' and ')}`);
    }
    // cells and free variables
    const cells: PyCell[] = [];
    code.cellvars.forEach((name, ci) => {
      const argi = code.cell2arg[ci];
      let init: PyObject | null = null;
      if (argi >= 0) {
        init = fast[code.varnames.indexOf(name)];
      }
      const c = this.newCell(init, holder('<cell>'));
      cells.push(c);
      if (init) {
        const vi = code.varnames.indexOf(name);
        fast[vi] = null;
        this.decrefBy(init, holder(name));
      }
    });
    if (func.closure) for (const c of func.closure.items) {
      this.increfBy(c, holder('<cell>'));
      cells.push(c as PyCell);
    }
    const frame = new Frame(id, code, func, func.globals, fast, cells, null, parent);
    this.gcFrameStarted(frame);
    frame.announced = this.rec.enabled;
    return frame;
  }

  /** undo a partial binding before raising TypeError */
  private releaseArgs(fast: (PyObject | null)[], args: PyObject[], owned: boolean, _npos: number): void {
    for (const v of fast) if (v) this.decref(v);
    fast.fill(null);
    if (owned) {
      // the frame had taken the caller's references: give them back so the caller can drop them
      for (const a of args) this.incref(a);
    }
  }

  /** Call any callable from native code; args borrowed; returns a new reference. */
  callObject(f: PyObject, args: PyObject[], kwargs: Map<string, PyObject> | null = null): PyObject {
    if (f instanceof PyFunction) return this.callFunction(f, args, kwargs);
    if (f instanceof PyBuiltin) return f.fn(args, kwargs, f.self);
    if (f instanceof PyMethod) return this.callObject(f.func, [f.self, ...args], kwargs);
    if (f instanceof PyMethodDescr) {
      if (!args.length) this.typeError(`unbound method ${f.owner.name}.${f.name}() needs an argument`);
      return f.fn(args.slice(1), kwargs, args[0]);
    }
    if (f instanceof PyType) return this.callType(f, args, kwargs);
    if (f instanceof PyStaticMethod) return this.callObject(f.func, args, kwargs);
    if (f instanceof PyWeakRef && !f.proxy) {
      if (args.length) this.typeError(`weakref() takes no arguments (${args.length} given)`);
      return this.retOrNone(f.target);
    }
    if (f instanceof PyClassMethod) return this.typeError(`'classmethod' object is not callable`);
    if (f instanceof PyInstance) {
      const c = this.lookupType(f.type, '__call__');
      if (c && !(c instanceof PyMethodDescr)) {
        const m = this.bindDescriptor(c, f, f.type);
        try {
          return this.callObject(m, args, kwargs);
        } finally {
          this.decref(m);
        }
      }
    }
    return this.typeError(`'${this.typeName(f)}' object is not callable`);
  }

  callFunction(f: PyFunction, args: PyObject[], kwargs: Map<string, PyObject> | null): PyObject {
    const frame = this.makeFrame(f, args, kwargs, false, null);
    this.increfBy(f, ['stack', frame.id]);
    frame.holdsFunc = true;
    if (f.code.flags & CO_GENERATOR) return this.newGenerator(frame, f);
    return this.runFrame(frame);
  }

  /** type_call: t(*args) -> __new__ then __init__ */
  callType(t: PyType, args: PyObject[], kwargs: Map<string, PyObject> | null): PyObject {
    const ctor = this.nativeConstructors.get(t) ?? (t.isHeap ? this.findNativeBaseCtor(t) : undefined);
    if (t === this.T.type && args.length === 1) {
      this.incref(args[0].type);
      return args[0].type;
    }
    if (ctor && !t.isHeap) return ctor(t, args, kwargs);
    // user classes
    const newFn = this.lookupType(t, '__new__');
    let obj: PyObject;
    if (newFn && !(newFn instanceof PyBuiltin) && !(newFn instanceof PyMethodDescr)) {
      const fn = newFn instanceof PyStaticMethod ? newFn.func : newFn;
      obj = this.callObject(fn, [t, ...args], kwargs);
      if (!this.isInstance(obj, t)) return obj;
    } else if (ctor) {
      obj = ctor(t, args, kwargs);
      if (this.isSubtype(t, this.T.BaseException)) {
        // exceptions: __init__ (if user-defined) gets the same args
      }
    } else obj = this.newInstance(t);
    const init = this.lookupType(t, '__init__');
    if (init && !(init instanceof PyMethodDescr) && !(init instanceof PyBuiltin)) {
      const m = this.bindDescriptor(init, obj, t);
      try {
        const r = this.callObject(m, args, kwargs);
        if (!(r instanceof PyNone)) {
          this.decref(r);
          this.typeError(`__init__() should return None, not '${this.typeName(r)}'`);
        }
        this.decref(r);
      } catch (e) {
        this.decref(obj);
        throw e;
      } finally {
        this.decref(m);
      }
    } else if ((args.length || (kwargs && kwargs.size)) && !ctor) {
      this.decref(obj);
      this.typeError(`${t.name}() takes no arguments`);
    }
    return obj;
  }

  /** constructors of builtin types (int(), list(), dict(), BaseException(), ...) */
  nativeConstructors = new CtorTable(() => this as unknown as Interpreter);

  private findNativeBaseCtor(t: PyType): ((t: PyType, args: PyObject[], kwargs: Map<string, PyObject> | null) => PyObject) | undefined {
    for (const k of t.mro) {
      if (k.isHeap) continue;
      if (k === this.T.object) return undefined;
      const c = this.nativeConstructors.get(k);
      if (c) return c;
    }
    return undefined;
  }

  /** kwargs from a dict object (for **kw calls); values borrowed */
  kwargsFromDict(d: PyDict): Map<string, PyObject> {
    const m = new Map<string, PyObject>();
    for (const e of d.map.values()) {
      if (!(e.key instanceof PyStr)) this.typeError('keywords must be strings');
      m.set(e.key.s, e.value);
    }
    return m;
  }

  /** kwargs from a names tuple and values (borrowed) */
  kwargsFrom(names: PyTuple, values: PyObject[]): Map<string, PyObject> {
    const m = new Map<string, PyObject>();
    names.items.forEach((k, i) => m.set((k as PyStr).s, values[i]));
    return m;
  }

  instantiateException(t: PyType, args: PyObject[]): PyException {
    // a subclass defined in Python adds a __weakref__ slot (and, 3.12+, the managed pre-header)
    const extra = t.isHeap ? (this.profile.version >= '3.12' ? 16 : 8) : 0;
    const e = this.track(new PyException(t), this.profile.sizes.exception + extra, true);
    if (t.isHeap) this.increfBy(t, [e, '__class__']);
    for (const a of args) this.incref(a);
    e.args = this.newTuple(args);
    this.moveTo(e.args, [e, 'args']);
    return e;
  }
}

