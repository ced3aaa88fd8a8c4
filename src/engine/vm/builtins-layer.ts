// Bootstrapping the interpreter: builtin types and their hierarchy, singletons, the builtins module,
// class creation (__build_class__ and type()), and the modules a program may import.
import {
  F_DEAD, PyBool, PyBuiltin, PyCell, PyDict, PyEllipsis, PyException, PyFunction, PyInstance, PyMethodDescr,
  PyModule, PyNone, PyNotImplemented, PyObject, PyStr, PyTuple, PyType, PyWeakRef, type NativeFn,
} from '../objects/model';
import { Frame } from './frame';
import { sharedKeysFor } from '../objects/inline-values';
import { Items } from './items';
import { SimStop } from './errors';
import { descriptorLabel, type TypeObjects } from '../gc/type-objects';
import { addMembers, applyLayout, slotSpec, type SlotSpec } from './slots';
import { typeBytes } from '../objects/slots';
import { attrLabel } from './labels';

/** exception hierarchy: name -> base */
const EXCEPTIONS: [string, string][] = [
  ['BaseException', 'object'], ['Exception', 'BaseException'], ['SystemExit', 'BaseException'],
  ['KeyboardInterrupt', 'BaseException'], ['GeneratorExit', 'BaseException'],
  ['ArithmeticError', 'Exception'], ['ZeroDivisionError', 'ArithmeticError'], ['OverflowError', 'ArithmeticError'],
  ['FloatingPointError', 'ArithmeticError'], ['AssertionError', 'Exception'], ['AttributeError', 'Exception'],
  ['LookupError', 'Exception'], ['IndexError', 'LookupError'], ['KeyError', 'LookupError'],
  ['NameError', 'Exception'], ['UnboundLocalError', 'NameError'], ['TypeError', 'Exception'],
  ['ValueError', 'Exception'], ['UnicodeError', 'ValueError'], ['RuntimeError', 'Exception'],
  ['RecursionError', 'RuntimeError'], ['NotImplementedError', 'RuntimeError'], ['StopIteration', 'Exception'],
  ['MemoryError', 'Exception'], ['ImportError', 'Exception'], ['ModuleNotFoundError', 'ImportError'],
  ['OSError', 'Exception'], ['EOFError', 'Exception'], ['BufferError', 'Exception'], ['ReferenceError', 'Exception'],
  ['SyntaxError', 'Exception'], ['Warning', 'Exception'], ['UserWarning', 'Warning'], ['DeprecationWarning', 'Warning'],
  ['RuntimeWarning', 'Warning'], ['ResourceWarning', 'Warning'],
];

export type ModuleFactory = () => PyModule;

export abstract class Builtins extends Items {
  builtinsDict!: PyDict;
  builtinsModule!: PyModule;
  mainModule!: PyModule;
  readonly modules = new Map<string, PyModule>();
  readonly moduleFactories = new Map<string, ModuleFactory>();
  stderr = '';
  abstract frame: Frame | null;
  abstract readonly typeObjects: TypeObjects;

  bootstrap(): void {
    const T: Record<string, PyType> = {};
    this.T = T;
    const type = new PyType(null, 'type', 'type');
    type.type = type;
    T.type = type;
    const object = this.newStaticType('object', 'object', null);
    T.object = object;
    type.bases = [object];
    type.mro = [type, object];
    object.type = type;
    this.makeShared(type);
    const mk = (name: string, layout: string, base: PyType = object, gc = false): PyType => (T[name] = this.newStaticType(name, layout, base, gc));
    mk('int', 'int');
    mk('bool', 'int', T.int);
    mk('float', 'float');
    mk('str', 'str');
    mk('list', 'list', object, true);
    mk('tuple', 'tuple', object, true);
    mk('dict', 'dict', object, true);
    mk('set', 'set', object, true);
    mk('frozenset', 'frozenset', object, true);
    mk('NoneType', 'NoneType');
    mk('NotImplementedType', 'NotImplementedType');
    mk('ellipsis', 'ellipsis');
    mk('function', 'function', object, true);
    mk('builtin_function_or_method', 'builtin', object, true);
    mk('method_descriptor', 'descr');
    mk('member_descriptor', 'descr', object, true);
    mk('method', 'method', object, true);
    mk('cell', 'cell', object, true);
    mk('code', 'code');
    mk('module', 'module', object, true);
    mk('range', 'range');
    mk('slice', 'slice');
    mk('generator', 'generator', object, true);
    mk('staticmethod', 'staticmethod', object, true);
    mk('classmethod', 'classmethod', object, true);
    mk('property', 'property', object, true);
    mk('super', 'super', object, true);
    mk('traceback', 'traceback', object, true);
    mk('frame', 'frame', object, true);
    mk('list_iterator', 'iter', object, true);
    mk('tuple_iterator', 'iter', object, true);
    mk('range_iterator', 'iter');
    mk('str_iterator', 'iter');
    mk('dict_keyiterator', 'iter', object, true);
    mk('set_iterator', 'iter', object, true);
    mk('iterator', 'iter', object, true);
    mk('list_reverseiterator', 'iter', object, true);
    mk('enumerate', 'iter', object, true);
    mk('zip', 'iter', object, true);
    mk('map', 'iter', object, true);
    mk('filter', 'iter', object, true);
    mk('reversed', 'iter', object, true);
    mk('dict_keys', 'view', object, true);
    mk('dict_values', 'view', object, true);
    mk('dict_items', 'view', object, true);
    mk('weakref', 'weakref', object, true);
    mk('weakproxy', 'weakref', object, true);
    for (const [name, base] of EXCEPTIONS) mk(name, 'BaseException', T[base], true);
    T.ReferenceType = T.weakref;

    const none = new PyNone(T.NoneType);
    this.makeShared(none);
    none.size = this.profile.sizes.none;
    this.None = none;
    const t = new PyBool(T.bool, 1);
    const f = new PyBool(T.bool, 0);
    this.makeShared(t);
    this.makeShared(f);
    t.size = this.profile.sizes.bool;
    f.size = this.profile.sizes.intZero === 24 ? 24 : this.profile.sizes.bool;
    this.True = t;
    this.False = f;
    this.NotImplemented = new PyNotImplemented(T.NotImplementedType);
    this.makeShared(this.NotImplemented);
    this.Ellipsis = new PyEllipsis(T.ellipsis);
    this.makeShared(this.Ellipsis);

    this.builtinsDict = new PyDict(T.dict);
    this.makeShared(this.builtinsDict);
    this.builtinsModule = new PyModule(T.module, 'builtins', this.builtinsDict);
    this.makeShared(this.builtinsModule);
    for (const [name, ty] of Object.entries(T)) {
      if (ty.name === name && !name.includes('_iterator') && !['function', 'method', 'cell', 'code', 'frame', 'traceback', 'generator', 'NoneType', 'NotImplementedType', 'ellipsis', 'builtin_function_or_method', 'method_descriptor', 'member_descriptor', 'module', 'dict_keys', 'dict_values', 'dict_items', 'iterator', 'weakref', 'weakproxy', 'list_reverseiterator', 'dict_keyiterator'].includes(name))
        this.setBuiltin(name, ty);
    }
    this.setBuiltin('None', none);
    this.setBuiltin('True', t);
    this.setBuiltin('False', f);
    this.setBuiltin('NotImplemented', this.NotImplemented);
    this.setBuiltin('Ellipsis', this.Ellipsis);
    this.setBuiltin('__build_class__', this.builtin('__build_class__', (args, kwargs) => this.buildClass(args, kwargs)));
  }

  setBuiltin(name: string, v: PyObject): void {
    this.builtinsDict.map.set('s' + name, { key: this.sharedStr(name), value: v });
  }

  /** an interpreter-owned str (keys of builtins and module dicts): not part of the program's heap */
  sharedStr(s: string): PyStr {
    const o = new PyStr(this.T.str, s);
    this.makeShared(o);
    return o;
  }

  /** a builtin function object owned by the interpreter */
  builtin(name: string, fn: NativeFn): PyBuiltin {
    const b = new PyBuiltin(this.T.builtin_function_or_method, name, fn, null);
    this.makeShared(b);
    return b;
  }

  /** a method of a builtin type (a method descriptor in the type's dict) */
  method(t: PyType, name: string, fn: NativeFn): void {
    const d = new PyMethodDescr(this.T.method_descriptor, name, fn, t);
    this.makeShared(d);
    t.dict.set(name, d);
  }

  /** a module object owned by the interpreter */
  newModule(name: string, attrs: Record<string, PyObject>): PyModule {
    const d = new PyDict(this.T.dict);
    this.makeShared(d);
    const all: Record<string, PyObject> = { __name__: this.sharedStr(name), ...attrs };
    for (const [k, v] of Object.entries(all)) d.map.set('s' + k, { key: this.sharedStr(k), value: v });
    const m = new PyModule(this.T.module, name, d);
    this.makeShared(m);
    return m;
  }

  importModule(name: string, f: Frame): PyModule {
    let m = this.modules.get(name);
    if (!m) {
      const factory = this.moduleFactories.get(name);
      if (!factory) {
        const pc = f.pc - 1;
        const span = f.code.spans[pc] ?? { start: 0, end: 0 };
        throw new SimStop({ kind: 'unsupported', construct: `\`import ${name}\` (simulated modules: ${[...this.moduleFactories.keys()].sort().join(', ')})`, span, line: f.code.lines[pc] });
      }
      const saved = this.rec.enabled;
      this.rec.enabled = false;
      this.internalDepth++;
      try {
        m = factory();
      } finally {
        this.internalDepth--;
        this.rec.enabled = saved;
      }
      this.modules.set(name, m);
    }
    this.incref(m);
    return m;
  }

  // ------------------------------------------------------------ classes

  /** __build_class__(func, name, *bases, **kwds) */
  private buildClass(args: PyObject[], kwargs: Map<string, PyObject> | null): PyObject {
    const [func, nameObj, ...bases] = args as [PyFunction, PyStr, ...PyObject[]];
    if (kwargs && kwargs.size && !(kwargs.size === 1 && kwargs.has('metaclass') && kwargs.get('metaclass') === this.T.type))
      this.stopHere('class keyword arguments (`metaclass=`, `__init_subclass__` keywords)');
    // the bases tuple comes first (it becomes the class's __bases__); no bases: the empty tuple
    const basesTuple = bases.length ? this.newTuple(bases.map((b) => (this.incref(b), b))) : null;
    let ns: PyDict;
    let frame: Frame;
    let cell: PyObject;
    try {
      ns = this.newDict();
      frame = new Frame(++this.frameSerial, func.code, func, func.globals, [], [], ns, null);
      this.gcFrameStarted(frame);
      ns.ns = { frame: frame.id, scope: 'class' };
      if (func.code.cellvars.length) frame.cells.push(this.newCell(null, ['name', frame.id, '<cell>', 'local']));
      if (func.closure) for (const c of func.closure.items) {
        this.incref(c);
        frame.cells.push(c as PyCell);
      }
      try {
        cell = this.runFrame(frame);
      } catch (e) {
        this.decref(ns);
        throw e;
      }
    } catch (e) {
      if (basesTuple) this.decref(basesTuple);
      throw e;
    }
    let cls: PyType;
    try {
      cls = this.typeObjects.typeCall(() => this.makeClass(nameObj.s, bases, ns, func.code.qualname, basesTuple));
    } finally {
      if (basesTuple) this.decref(basesTuple);
      this.decref(ns);
    }
    if (cell instanceof PyCell) {
      cell.ref = cls;
      this.increfBy(cls, [cell, 'cell_contents']);
    }
    this.decref(cell);
    return cls;
  }

  /**
   * type(name, bases, ns): a heap type; ns is borrowed (its items are copied into the type dict), and so
   * is `basesTuple`, the tuple of `bases` when the caller has one (it becomes __bases__). The GC objects
   * CPython makes on the way and the engine has no object for are counted by `typeObjects`, in order.
   */
  makeClass(name: string, bases: PyObject[], ns: PyDict, qualname = name, basesTuple: PyTuple | null = null): PyType {
    for (const b of bases) if (!(b instanceof PyType)) this.typeError('bases must be types');
    const baseTypes = (bases.length ? bases : [this.T.object]) as PyType[];
    for (const b of baseTypes) if (b === this.T.bool || b === this.T.NoneType) this.typeError(`type '${b.name}' is not an acceptable base type`);
    // type_new_get_bases: no bases means (object,)
    if (basesTuple) this.incref(basesTuple);
    else basesTuple = this.newTuple(baseTypes.map((k) => (this.incref(k), k)));
    const t = new PyType(this.T.type, name, baseTypes[0].layout);
    t.qualname = qualname;
    t.isHeap = true;
    t.bases = baseTypes;
    t.mro = this.computeMro(t, baseTypes);
    this.typeVersion++;
    t.gcInstances = true;
    const hidden = this.typeObjects;
    hidden.dictCopied(t);
    let slots: SlotSpec;
    try {
      slots = slotSpec(this, name, ns, baseTypes[0], baseTypes);
      applyLayout(this, t, slots, baseTypes);
    } catch (e) {
      hidden.released(t);
      this.decref(basesTuple);
      throw e;
    }
    hidden.slotsCopied(t, slots.freshTuple, slots.hasSlots ? slots.names.length : -1);
    this.track(t, typeBytes(this.profile, t), true);
    for (const e of ns.map.values()) {
      const k = (e.key as PyStr).s;
      if (k === '__classcell__') continue;
      if (k === '__qualname__') {
        // type_new_set_ht_name: the class keeps its qualname as ht_qualname, not in its __dict__
        if (e.value instanceof PyStr) t.qualname = e.value.s;
        t.qualnameRef = e.value;
        this.increfBy(e.value, [t, '__qualname__']);
        continue;
      }
      t.dict.set(k, e.value);
      this.increfBy(e.value, [t, attrLabel(k)]);
    }
    // type_dict_set_doc (PyType_Ready): a class without a docstring gets __doc__ = None
    if (!t.dict.has('__doc__')) {
      const none = this.none();
      t.dict.set('__doc__', none);
      this.moveTo(none, [t, attrLabel('__doc__')]);
    }
    if (this.profile.inlineValues) t.sharedKeys = sharedKeysFor(t);
    // tp_base: the class holds its first base
    this.increfBy(baseTypes[0], [t, '__base__']);
    t.basesTuple = basesTuple;
    this.moveTo(basesTuple, [t, '__bases__']);
    // PyType_Ready: the __mro__ tuple; the __dict__/__weakref__ getset descriptors a static base lacks,
    // each holding a reference to the class; the weakref in the bases' __subclasses__
    const mroItems = t.mro.map((k) => (this.incref(k), k));
    t.mroTuple = hidden.mroMerge(bases.length, () => this.newTuple(mroItems));
    this.moveTo(t.mroTuple, [t, '__mro__']);
    addMembers(this, t);
    t.getsets = (slots.addDict ? 1 : 0) | (slots.addWeak ? 2 : 0);
    t.descrRefs = (t.getsets & 1) + (t.getsets >> 1);
    for (let i = 0; i < t.descrRefs; i++) this.increfBy(t, [t, descriptorLabel(t, i)]);
    hidden.readied(t, t.getsets, baseTypes);
    hidden.finished();
    return t;
  }

  private computeMro(t: PyType, bases: PyType[]): PyType[] {
    const seqs = [...bases.map((b) => [...b.mro]), [...bases]];
    const out: PyType[] = [t];
    for (;;) {
      const live = seqs.filter((s) => s.length);
      if (!live.length) return out;
      let cand: PyType | null = null;
      for (const s of live) {
        const c = s[0];
        if (!live.some((o) => o.indexOf(c) > 0)) {
          cand = c;
          break;
        }
      }
      if (!cand) this.typeError('Cannot create a consistent method resolution order (MRO)');
      out.push(cand!);
      for (const s of live) if (s[0] === cand) s.shift();
    }
  }

  // ------------------------------------------------------------ output

  stderrWrite(s: string): void {
    this.stderr += s;
  }

  write(s: string): void {
    this.stdout += s;
    if (this.stdout.length > 16 * 1024 * 1024) this.memoryError(0);
    if (this.rec.enabled) this.rec.output(s);
  }

  // ------------------------------------------------------------ trace helpers

  shortRepr(o: PyObject): string {
    try {
      if (o instanceof PyStr) return o.s.length > 40 ? this.repr(this.sliceStr(o.s)) + '…' : this.repr(o);
      if (o instanceof PyInstance && !(o instanceof PyException)) {
        // one shared string per class: the trace keeps a repr per allocation
        const t = o.type;
        if (t.instanceLabel === null || t.instanceLabelFor !== t.qualname) {
          t.instanceLabel = `<${t.qualname} object>`;
          t.instanceLabelFor = t.qualname;
        }
        return t.instanceLabel;
      }
      if (o instanceof PyException) return `${o.type.name}()`;
      if (o instanceof PyType) return `<class '${o.qualname}'>`;
      if (o instanceof PyFunction) return `<function ${o.qualname}>`;
      if (o instanceof PyWeakRef) return this.nativeRepr(o);
      if (o instanceof PyDict) return `dict (${o.map.size} items)`;
      if (o instanceof PyTuple) return o.items.length <= 3 && o.items.every((x) => !(x instanceof PyTuple || x instanceof PyInstance)) ? this.repr(o) : `tuple (${o.items.length} items)`;
      if ((o as unknown as { items?: unknown[] }).items) return `${this.typeName(o)} (${(o as unknown as { items: unknown[] }).items.length} items)`;
      if (o instanceof PyBool || o instanceof PyNone || (o as { v?: unknown }).v !== undefined) {
        const r = this.repr(o);
        return r.length > 40 ? r.slice(0, 40) + '…' : r;
      }
      return `<${this.typeName(o)}>`;
    } catch {
      return `<${this.typeName(o)}>`;
    }
  }

  private sliceStr(s: string): PyStr {
    return new PyStr(this.T.str, s.slice(0, 40));
  }

  weakrefDead(w: PyWeakRef): void {
    w.target = null;
  }

  aliveOrDead(o: PyObject): boolean {
    return !(o.flags & F_DEAD);
  }
}
