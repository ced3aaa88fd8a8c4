// The complete interpreter: the evaluation loop plus the services builtins need (sorting, sizes,
// stopping at an unsupported call), its setup (builtins, modules) and the program's lifecycle:
// run the module, then shut down the way CPython does (clear __main__'s globals, collect).
import type { Budgets } from '../api';
import type { CodeObject } from '../compile/code';
import { installCtors } from '../objects/builtins/ctors';
import { installContainerMethods, viewIter } from '../objects/builtins/container-methods';
import { installFunctions } from '../objects/builtins/functions';
import { installStrMethods } from '../objects/builtins/str-methods';
import { installDunders } from '../objects/builtins/dunders';
import {
  F_DEAD, F_IMMORTAL, PyCode, PyFloat, PyInt, PyDict, PyDictView, PyException, PyFrameObj, PyInstance, PyList, PyModule, PyNone, PyObject, PyStr, PyTuple, PyWeakRef,
} from '../objects/model';
import { strSize, dictSize } from '../objects/sizes';
import { TypeObjects } from '../gc/type-objects';
import type { Profile } from '../profiles';
import { EventRecorder } from '../trace/recorder';
import { makeSysModule } from '../modules/sys';
import { installGc } from '../gc/module';
import { installWeakref } from '../modules/weakref';
import { installTracemalloc } from '../modules/tracemalloc';
import { installThreading } from '../modules/threading';
import { installMultiprocessing } from '../modules/multiprocessing';
import { Compiler } from '../compile/compiler';
import { parse } from '../parse';
import { LineIndex } from '../parse/lines';
import { installCallTuples } from '../gc/call-tuples';
import { Collector } from '../gc/collector';
import { PyRaise, SimStop } from './errors';
import { Frame } from './frame';
import { clearSlots } from './slots';
import { EvalLoop } from './interp';

export class Interpreter extends EvalLoop {
  stderrObj: PyObject | null = null;
  readonly gc: Collector = new Collector(this);
  readonly typeObjects = new TypeObjects(this);

  constructor(profile: Profile, rec: EventRecorder, budgets: Budgets, shouldCancel: (() => boolean) | undefined, readonly filename: string) {
    super({ ...profile }, rec, budgets, shouldCancel);
    this.bootstrap();
    installFunctions(this);
    installCtors(this);
    installContainerMethods(this);
    installStrMethods(this);
    installDunders(this);
    this.moduleFactories.set('sys', () => makeSysModule(this));
    installGc(this);
    installWeakref(this);
    installTracemalloc(this);
    installThreading(this);
    installMultiprocessing(this);
    installCallTuples(this);
    const saved = rec.enabled;
    rec.enabled = false;
    this.internalDepth++;
    const mainDict = this.newDict();
    this.mainModule = new PyModule(this.T.module, '__main__', mainDict);
    this.makeShared(this.mainModule);
    this.modules.set('__main__', this.mainModule);
    this.storeNamed(mainDict, '__name__', this.newStr('__main__'), 0, 'global');
    this.storeNamed(mainDict, '__builtins__', (this.incref(this.builtinsModule), this.builtinsModule), 0, 'global');
    this.internalDepth--;
    rec.enabled = saved;
  }

  /** the program, kept so a child process can run it again (multiprocessing's spawn) */
  program: { module: import('../parse/ast').Module; lineOf: (off: number) => number } | null = null;
  /** the program's source lines, for the source line under each traceback entry */
  sourceLines: string[] | null = null;
  /** a child process's Queue.put goes to the parent through this */
  queueBridge: ((queue: PyObject, item: PyObject) => void) | null = null;

  /** a new interpreter for a child process: its own heap, GIL and clock, nothing recorded */
  spawnChild(): Interpreter {
    const remaining = this.budgets.maxSteps > 0 ? Math.max(1, this.budgets.maxSteps - this.steps) : 0;
    const child = new Interpreter(this.profile, new EventRecorder({ enabled: false }), { ...this.budgets, maxSteps: remaining }, this.shouldCancel, this.filename);
    child.program = this.program;
    child.sourceLines = this.sourceLines;
    return child;
  }

  /** run the program's module with this __name__ (a child process: '__mp_main__') */
  runMainAs(name: string): void {
    if (!this.program) throw new Error('no program to run');
    const code = Compiler.compileModule(this.program.module, this.profile, this.program.lineOf);
    const d = this.mainModule.dict;
    const e = d.map.get('s__name__');
    if (e) {
      const old = e.value;
      e.value = this.sharedStr(name);
      this.decref(old);
    }
    this.runModule(code);
  }

  /** a global of __main__ (borrowed), or null */
  mainGlobal(name: string): PyObject | null {
    return this.dictGetStr(this.mainModule.dict, name);
  }

  /** Run a module code object to completion; throws PyRaise for an uncaught exception, SimStop to stop. */
  runModule(code: CodeObject): void {
    // the compiler creates every code object (and so every constant) before the module runs: that is
    // step 0 of the timeline, "line 0"
    this.emitLine(0, 0);
    const materialize = (c: CodeObject): void => {
      const objs = this.constObjects(c);
      objs.forEach((o) => {
        if (o instanceof PyCode) materialize(o.code);
      });
    };
    materialize(code);
    const f = new Frame(0, code, null, this.mainModule.dict, [], [], this.mainModule.dict, null);
    const r = this.runFrame(f);
    this.decref(r);
  }

  /**
   * Interpreter shutdown, as far as the program's objects are concerned: __main__'s globals are
   * cleared (names starting with one underscore first, then the rest, in insertion order), so
   * finalizers run in CPython's order.
   */
  shutdown(): void {
    this.emitLine(0, 0);
    const d = this.mainModule.dict;
    const names = [...d.map.values()].map((e) => (e.key as PyStr).s).filter((n) => n !== '__builtins__' && n !== '__name__');
    const order = [...names.filter((n) => n.startsWith('_') && !n.startsWith('__')), ...names.filter((n) => !(n.startsWith('_') && !n.startsWith('__')))];
    for (const n of order) {
      const e = d.map.get('s' + n);
      if (!e) continue;
      const old = e.value;
      e.value = this.None;
      this.decrefBy(old, ['name', 0, n, 'global']);
    }
  }

  // ------------------------------------------------------------ services for builtins

  /** stop the simulation at the instruction being executed */
  stopHere(construct: string): never {
    const f = this.frame;
    const pc = f ? f.pc - 1 : 0;
    const span = f?.code.spans[pc] ?? { start: 0, end: 0 };
    throw new SimStop({ kind: 'unsupported', construct, span, line: f ? f.code.lines[pc] : 0 });
  }

  /** list.sort: stable, with key and reverse; raises TypeError for unorderable items */
  listSort(l: PyList, key: PyObject | null, reverse: boolean): void {
    const items = [...l.items];
    const keys = key && !(key instanceof PyNone) ? items.map((x) => this.callObject(key, [x])) : items;
    const idx = items.map((_, i) => i);
    try {
      const cmp = (a: number, b: number): number => {
        const lt = (x: PyObject, y: PyObject): boolean => {
          const native = this.nativeCompare(x, y, '<');
          if (native !== null) return native;
          const r = this.richCompare(x, y, '<');
          const v = this.truthy(r);
          this.decref(r);
          return v;
        };
        if (reverse) {
          if (lt(keys[b], keys[a])) return -1;
          if (lt(keys[a], keys[b])) return 1;
          return 0;
        }
        if (lt(keys[a], keys[b])) return -1;
        if (lt(keys[b], keys[a])) return 1;
        return 0;
      };
      idx.sort(cmp);
    } finally {
      if (keys !== items) for (const k of keys) this.decref(k);
    }
    this.listUnlabel(l);
    l.items = idx.map((i) => items[i]);
    this.listRelabel(l);
  }

  /** dict.update(other): a dict or an iterable of pairs */
  dictUpdateFrom(d: PyDict, src: PyObject): void {
    if (src instanceof PyDict) {
      for (const e of [...src.map.values()]) this.dictSet(d, e.key, e.value);
      return;
    }
    const pairs = this.iterToArray(src);
    try {
      pairs.forEach((p, i) => {
        const kv = p instanceof PyTuple || p instanceof PyList ? p.items : null;
        if (!kv || kv.length !== 2) this.raise('ValueError', `dictionary update sequence element #${i} has length ${kv ? kv.length : 1}; 2 is required`);
        this.dictSet(d, kv![0], kv![1]);
      });
    } finally {
      for (const p of pairs) this.decref(p);
    }
  }

  /** sys.getsizeof */
  sizeof(o: PyObject): number {
    if (o instanceof PyStr && o.flags & F_IMMORTAL && this.profile.immortalObjects && o.s.length === 1 && o.s.charCodeAt(0) >= 128)
      return strSize(this.profile, o.s, true);
    if (o instanceof PyDict && !o.id) return dictSize(this.profile, o);
    return o.size;
  }

  // views (dict.keys() etc.) take part in iteration, len, repr and `in`
  override iter(o: PyObject): PyObject {
    if (o instanceof PyDictView) return viewIter(this, o);
    return super.iter(o);
  }
  override len(o: PyObject): number {
    if (o instanceof PyDictView) return o.dict.map.size;
    return super.len(o);
  }
  override repr(o: PyObject, depth = 0): string {
    if (o instanceof PyDictView) {
      const items = [...o.dict.map.values()];
      const inner = o.kind === 'keys' ? items.map((e) => this.repr(e.key, depth + 1)) : o.kind === 'values' ? items.map((e) => this.repr(e.value, depth + 1)) : items.map((e) => `(${this.repr(e.key, depth + 1)}, ${this.repr(e.value, depth + 1)})`);
      return `dict_${o.kind}([${inner.join(', ')}])`;
    }
    return super.repr(o, depth);
  }
  override contains(c: PyObject, item: PyObject): boolean {
    if (c instanceof PyDictView && c.kind === 'keys') return c.dict.map.has(this.hashKey(item));
    return super.contains(c, item);
  }
  override isIterable(o: PyObject): boolean {
    return o instanceof PyDictView || super.isIterable(o);
  }
  override truthy(o: PyObject): boolean {
    if (o instanceof PyDictView) return o.dict.map.size > 0;
    return super.truthy(o);
  }

  formatTracebackOf(e: PyException): string {
    return this.formatTraceback(e);
  }

  /** a number as a JS float (int or float argument), for time values */
  asNumber(o: PyObject): number {
    if (o instanceof PyFloat) return o.v;
    if (o instanceof PyInt) return Number(this.intValue(o));
    return this.typeError(`'${this.typeName(o)}' object cannot be interpreted as a number`);
  }

  /** CPython's traceback text for an uncaught exception */
  formatTraceback(e: PyException): string {
    const chain: string[] = [];
    const seen = new Set<PyObject>();
    const one = (x: PyException): void => {
      seen.add(x);
      if (x.cause && x.cause instanceof PyException && !seen.has(x.cause)) {
        one(x.cause);
        chain.push('\nThe above exception was the direct cause of the following exception:\n\n');
      } else if (x.context && x.context instanceof PyException && !x.suppressContext && !seen.has(x.context)) {
        one(x.context);
        chain.push('\nDuring handling of the above exception, another exception occurred:\n\n');
      }
      let s = 'Traceback (most recent call last):\n';
      const tb = [...(x.tb ?? [])].reverse();
      for (const t of tb) {
        // frames of the modules written in Python inside the engine (tracemalloc, ...) are not the program's
        if (t.internal) continue;
        s += `  File "${this.filename}", line ${t.line}, in ${t.name}\n`;
        const src = this.sourceLines?.[t.line - 1]?.trim();
        if (src) s += `    ${src}\n`;
      }
      const msg = this.safeStr(x) + (x.suggestion ? `. Did you mean: '${x.suggestion}'?` : '');
      // 3.10 names classes defined in the program with their module
      const name = x.type.isHeap && this.profile.version === '3.10' ? `__main__.${x.type.qualname}` : x.type.qualname;
      s += msg ? `${name}: ${msg}\n` : `${name}\n`;
      chain.push(s);
    };
    one(e);
    return chain.join('');
  }

  gcPending(): boolean {
    return this.gc.pending;
  }
  runPendingGc(): void {
    this.gc.collectGenerations();
  }

  gcLinked(o: PyObject): void {
    this.gc.track(o);
  }
  gcUnlinked(o: PyObject): void {
    this.gc.untrack(o);
  }

  gcAllocated(o: PyObject): void {
    // 3.10: a frame object was counted when its frame started (Collector.frameStarted)
    if (!(o instanceof PyFrameObj && this.gc.frameObjects)) this.gc.onAlloc();
  }
  gcFrameStarted(f: Frame): void {
    this.gc.frameStarted(f);
  }
  gcFrameReleased(f: Frame): void {
    this.gc.frameReleased(f);
  }
  gcFreed(o: PyObject): void {
    if (!(o instanceof PyFrameObj && this.gc.frameObjects)) this.gc.onFree();
    else {
      const f = o.vmFrame as Frame | null;
      // its frame already finished: the frame's memory goes now (else when the frame finishes)
      if (f && o.ownsLocals) this.gc.frameReleased(f);
    }
  }

  /** gc.is_tracked: containers are tracked; tuples and dicts of atomic values are untracked as CPython does */
  isTracked(o: PyObject): boolean {
    return o.gcTracked && !(o.flags & F_DEAD);
  }

  /** tp_clear of an instance: drop its attributes (and its __dict__ object) */
  clearInstance(o: PyInstance): void {
    // subtype_clear: the slots, then the dict
    if (o.slots) clearSlots(this, o);
    const attrs = o.attrs;
    if (!attrs) return;
    if (o.dictMaterialized) {
      o.attrs = null;
      o.dictMaterialized = false;
      this.decrefBy(attrs, [o, '__dict__']);
      return;
    }
    o.attrs = null;
    this.releaseManagedAttrs(o, attrs);
  }

  /** handle_weakrefs: weak references to objects about to be collected are cleared; callbacks of
   * weak references that are not garbage themselves run */
  clearWeakrefsTo(objs: PyObject[]): void {
    if (this.weakrefs.size === 0) return;
    const all: PyWeakRef[] = [];
    for (const o of objs) {
      const list = this.weakrefs.get(o);
      if (!list) continue;
      this.weakrefs.delete(o);
      all.push(...list);
    }
    if (all.length) this.clearRefs(all, new Set(objs));
  }

  /** run engine-provided Python source as the body of an interpreter-owned module */
  runPrelude(source: string, m: PyModule): void {
    const parsed = parse(source);
    if (!parsed.ok) throw new Error(`prelude: ${parsed.error.message}`);
    const index = new LineIndex(source);
    const code = Compiler.compileModule(parsed.module, this.profile, (off) => index.position(off).line);
    const mark = (c: CodeObject): void => {
      c.internal = true;
      for (const k of c.consts) if (k.t === 'code') mark(k.code);
    };
    mark(code);
    const saved = this.rec.enabled;
    this.rec.enabled = false;
    this.internalDepth++;
    try {
      this.constObjects(code);
      const f = new Frame(++this.frameSerial, code, null, m.dict, [], [], m.dict, null);
      this.decref(this.runFrame(f));
    } finally {
      this.internalDepth--;
      this.rec.enabled = saved;
    }
  }

  isRaise(e: unknown): e is PyRaise {
    return e instanceof PyRaise;
  }
}
