// The evaluation loop (CPython's ceval.c in small): one frame at a time, Python-to-Python calls without
// JavaScript recursion, references taken and released exactly where CPython takes and releases them.
import { CO_GENERATOR, CO_VARARGS, CO_VARKEYWORDS } from '../compile/code';
import { nlocalsplus } from '../compile/stacksize';
import { BIN_OPS, CMP_OPS, Op } from '../compile/opcodes';
import * as I from '../objects/intmath';
import { allocateInlineInstance } from '../objects/inline-values';
import {
  F_DEAD, F_IMMORTAL, PyBuiltin, PyCell, PyCode, PyFrameObj, PyTraceback, PyDict, PyException, PyFunction, PyGenerator, PyInstance, PyInt, PyList,
  PyMethod, PyMethodDescr, PyModule, PyNone, PySuper, PyWeakRef, PyObject, PyRangeIter, PySeqIter, PySet, PySlice, PyStr, PyTuple, PyType,
} from '../objects/model';
import { Builtins } from './builtins-layer';
import { descriptorLabel } from '../gc/type-objects';
import { suggest } from './suggestions';
import { PyRaise, SimStop } from './errors';
import { BlockThread, Scheduler, type ThreadState } from '../threads/scheduler';
import { Frame } from './frame';
import type { Collector } from '../gc/collector';
import { ctorArgsAfterNew, ctorArgsBefore, ctorArgsRelease } from '../gc/call-tuples';
import { indexLabel, attrLabel } from './labels';

/** The value stack sentinel for "no self" after LOAD_METHOD: never refcounted. */
export const NULL = new PyObject(null as unknown as PyType);

export abstract class EvalLoop extends Builtins {
  frame: Frame | null = null;
  /** the thread scheduler, once a program imports threading or time */
  sched: Scheduler | null = null;
  /** the exception being handled (sys.exc_info()[1]) */
  handledExc: PyObject | null = null;

  // ------------------------------------------------------------ frames

  pushFrame(f: Frame): void {
    f.parent = this.frame;
    this.frame = f;
    this.depth++;
    this.curFrameId = f.id;
    if (this.rec.enabled && !f.announced) this.rec.call(f.id, f.parent ? f.parent.id : null, this.frameLabel(f), f.code.firstLine);
    f.announced = false;
    if (this.depth > this.profile.recursionLimit) {
      f.lastLine = f.code.firstLine;
      this.raise('RecursionError', 'maximum recursion depth exceeded');
    }
  }

  /** release a finished frame's references (locals in order, cells, then the function) */
  clearFrame(f: Frame): void {
    const stack = f.stack;
    while (stack.length) {
      const v = stack.pop()!;
      if (v !== NULL) this.decref(v);
    }
    for (const b of f.blocks) if (b.prevExc) this.decref(b.prevExc);
    f.blocks = [];
    if (f.extraRefs) {
      const refs = f.extraRefs;
      f.extraRefs = null;
      for (const v of refs) this.decref(v);
    }
    const fo = f.frameObj;
    if (fo && !(fo.flags & F_DEAD)) {
      // a traceback still holds the frame object: it takes ownership of the locals (take_ownership)
      fo.ownsLocals = true;
      return;
    }
    this.clearLocals(f);
    this.gcFrameReleased(f);
  }

  clearLocals(f: Frame): void {
    this.forgetFrameHolders(f.id);
    const fast = f.fast;
    for (let i = 0; i < fast.length; i++) {
      const v = fast[i];
      if (v) {
        fast[i] = null;
        this.decrefBy(v, ['name', f.id, f.code.varnames[i], 'local']);
      }
    }
    const cells = f.cells;
    f.cells = [];
    for (const c of cells) this.decrefBy(c, ['name', f.id, '<cell>', 'local']);
    if (f.holdsFunc && f.func) {
      f.holdsFunc = false;
      this.decrefBy(f.func, ['stack', f.id]);
    }
  }

  frameLabel(f: Frame): string {
    return f.code.kind === 'class' ? `class ${f.code.qualname}` : f.code.qualname;
  }

  popFrame(f: Frame, value: PyObject | null): void {
    if (this.rec.enabled) this.rec.ret(f.id, value ? value.id : null);
    if (f.ctorTemps) {
      ctorArgsRelease(this, f.ctorTemps);
      f.ctorTemps = null;
    }
    this.frame = f.parent;
    this.depth--;
    this.curFrameId = this.frame ? this.frame.id : 0;
    if (this.frame && !this.frame.code.internal) {
      this.curLine = this.frame.lastLine;
      // the rest of the caller's line belongs to that line again
      this.emitLine(this.frame.lastLine, this.frame.id, true);
    }
    // the returned (or yielded) value's reference passes to the caller's stack
    if (value && this.rec.enabled && !(value.flags & F_IMMORTAL)) this.emitMove(value, this.stackHolder(f.id), this.stackHolder(this.curFrameId));
  }

  runFrame(f: Frame): PyObject {
    f.isEntry = true;
    this.pushFrame(f);
    return this.execute();
  }

  newGenerator(f: Frame, func: PyFunction): PyGenerator {
    // 3.11+ embed the frame: one slot per local/cell/free variable and per value-stack entry
    const c = func.code;
    const size = this.profile.generatorEmbedsFrame ? this.profile.sizes.generator + 8 * (nlocalsplus(c) + (c.cpyStackSize ?? 0)) : this.profile.sizes.generator;
    const g = this.track(new PyGenerator(this.T.generator, func.name, func.qualname), size, true);
    g.frame = f;
    f.generator = g;
    return g;
  }

  releaseGenerator(g: PyGenerator): void {
    if (g.returnValue) {
      const rv = g.returnValue;
      g.returnValue = null;
      this.decrefBy(rv, [g, 'return value']);
    }
    this.closeGenerator(g);
    const f = g.frame as Frame | null;
    g.frame = null;
    if (f) this.clearFrame(f);
  }

  /** generator.close(): GeneratorExit is raised at the paused yield, so finally blocks run */
  closeGenerator(g: PyGenerator): void {
    const f = g.frame as Frame | null;
    if (!f || g.finished || g.running) return;
    if (f.pc === 0) {
      g.finished = true;
      return;
    }
    try {
      const r = this.resumeGenerator(g, null, this.newException('GeneratorExit'));
      if (r) {
        this.decref(r);
        this.raise('RuntimeError', 'generator ignored GeneratorExit');
      }
    } catch (e) {
      if (e instanceof PyRaise && (this.isSubtype(e.exc.type, this.T.GeneratorExit) || this.isSubtype(e.exc.type, this.T.StopIteration))) {
        this.decref(e.exc);
        return;
      }
      throw e;
    }
  }

  /** resume a generator with a sent value (borrowed) or an exception to throw in (owned); a new reference, or null when it finishes */
  resumeGenerator(g: PyGenerator, sent: PyObject | null, thrown: PyException | null = null): PyObject | null {
    const f = g.frame as Frame | null;
    if (!f || g.finished) {
      if (thrown) throw new PyRaise(thrown);
      return null;
    }
    if (g.running) this.raise('ValueError', 'generator already executing');
    if (thrown) f.pendingThrow = thrown;
    else if (f.pc > 0) {
      const v = sent ?? this.None;
      this.incref(v);
      f.stack.push(v);
    } else if (sent && !(sent instanceof PyNone)) this.typeError("can't send non-None value to a just-started generator");
    g.running = true;
    f.isEntry = true;
    f.forceLine = true;
    try {
      this.pushFrame(f);
      const r = this.execute();
      if (g.finished) {
        g.returnValue = r;
        return null;
      }
      return r;
    } catch (e) {
      g.finished = true;
      if (e instanceof PyRaise && this.isSubtype(e.exc.type, this.T.StopIteration)) {
        const msg = this.newException('RuntimeError', 'generator raised StopIteration');
        msg.context = e.exc;
        throw new PyRaise(msg);
      }
      throw e;
    } finally {
      g.running = false;
    }
  }

  next(it: PyObject): PyObject | null {
    if (it instanceof PySeqIter) return this.seqNext(it);
    if (it instanceof PyRangeIter) return this.rangeNext(it);
    if (it instanceof PyGenerator) return this.resumeGenerator(it, null);
    if ('nextFn' in it) return (it as { nextFn: () => PyObject | null }).nextFn();
    if (it instanceof PyInstance && this.hasUserMethod(it.type, '__next__')) {
      try {
        return this.callMethodOf(it, '__next__', []);
      } catch (e) {
        if (e instanceof PyRaise && this.isSubtype(e.exc.type, this.T.StopIteration)) {
          this.decref(e.exc);
          return null;
        }
        throw e;
      }
    }
    return this.typeError(`'${this.typeName(it)}' object is not an iterator`);
  }

  // ------------------------------------------------------------ exceptions

  isExc(e: unknown, typeName: string): boolean {
    return e instanceof PyRaise && this.isSubtype(e.exc.type, this.T[typeName]);
  }
  clearRaise(e: unknown): void {
    if (e instanceof PyRaise) this.decref(e.exc);
  }

  /** exception matching for `except X:` (X a class or a tuple of classes) */
  excMatches(exc: PyObject, spec: PyObject): boolean {
    if (spec instanceof PyTuple) return spec.items.some((s) => this.excMatches(exc, s));
    if (!(spec instanceof PyType) || !this.isSubtype(spec, this.T.BaseException))
      this.typeError('catching classes that do not inherit from BaseException is not allowed');
    return this.isSubtype(exc.type, spec as PyType);
  }

  /** whether the instruction at `pc` checks the eval breaker: a frame's start, a backward jump, a call */
  private atEvalBreaker(code: ArrayLike<number>, pc: number): boolean {
    if (pc === 0) return true;
    const op = code[pc * 2];
    return (op === Op.JUMP && code[pc * 2 + 1] <= pc) || op === Op.CALL_FUNCTION || op === Op.CALL_FUNCTION_KW ||
      op === Op.CALL_FUNCTION_EX || op === Op.CALL_METHOD;
  }

  /** add a traceback entry for the frame the exception passes through (PyTraceBack_Here) */
  private addTraceback(e: PyException, f: Frame): void {
    const line = f.lastLine > 0 ? f.lastLine : f.code.firstLine;
    const entry: NonNullable<PyException['tb']>[number] = { name: f.code.qualname === '<module>' ? '<module>' : f.code.name, line, frame: f.id };
    if (f.code.internal) entry.internal = true;
    (e.tb ??= []).push(entry);
    if (f.id === 0) return; // the module frame outlives every exception of the run
    const fo = this.frameObject(f);
    const tb = this.track(new PyTraceback(this.T.traceback, fo, line, e.traceback), 64, true);
    this.moveTo(fo, [tb, 'tb_frame']);
    if (e.traceback && this.rec.enabled) this.emitMove(e.traceback, this.holderOf([e, '__traceback__']), this.holderOf([tb, 'tb_next']));
    e.traceback = tb;
    this.moveTo(tb, [e, '__traceback__']);
  }

  /** the frame object of a frame (a new reference) */
  frameObject(f: Frame): PyFrameObj {
    if (f.frameObj && !(f.frameObj.flags & F_DEAD)) {
      this.incref(f.frameObj);
      return f.frameObj;
    }
    const fo = this.track(new PyFrameObj(this.T.frame, f.id, f.code), 64 + 8 * f.fast.length, true);
    fo.vmFrame = f;
    f.frameObj = fo;
    return fo;
  }

  releaseFrameObj(fo: PyFrameObj): void {
    const f = fo.vmFrame as Frame | null;
    fo.vmFrame = null;
    if (!f) return;
    f.frameObj = null;
    if (fo.ownsLocals) this.clearLocals(f);
  }

  /** Find a handler for `e` from the current frame outwards; returns false when an entry frame is left. */
  private unwind(r: PyRaise, reraise: boolean): boolean {
    let f = this.frame!;
    const exc = r.exc;
    if (!reraise) this.addTraceback(exc, f);
    if (this.rec.enabled) this.rec.exception(exc.type.name, this.safeStr(exc), f.lastLine, f.id);
    for (;;) {
      const b = f.blocks.pop();
      if (b) {
        if (b.kind === 'except') {
          // leaving an except handler: restore the previously handled exception
          this.setHandled(b.prevExc);
          continue;
        }
        while (f.stack.length > b.level) {
          const v = f.stack.pop()!;
          if (v !== NULL) this.decref(v);
        }
        f.blocks.push({ kind: 'except', handler: -1, level: f.stack.length, prevExc: this.handledExc });
        if (this.handledExc) this.incref(this.handledExc);
        this.setHandled(exc);
        f.stack.push(exc); // the raise's reference moves to the stack
        f.pc = b.handler;
        f.forceLine = true;
        return true;
      }
      // no handler here: the frame exits with the exception
      this.clearFrame(f);
      this.popFrame(f, null);
      if (f.generator) {
        f.generator.finished = true;
        f.generator.frame = null;
      }
      if (f.isEntry) return false;
      if (f.threadBottom) {
        this.threadDied(exc);
        return true;
      }
      f = this.frame!;
      this.addTraceback(exc, f);
    }
  }

  private setHandled(e: PyObject | null): void {
    const old = this.handledExc;
    this.handledExc = e;
    if (e) this.incref(e);
    if (old) this.decref(old);
  }

  safeStr(e: PyException): string {
    try {
      return this.exceptionStr(e);
    } catch (x) {
      if (x instanceof PyRaise) {
        this.decref(x.exc);
        return '<exception str() failed>';
      }
      throw x;
    }
  }

  /** the exception to raise for `raise X` (X a class or an instance); an owned reference */
  private makeRaise(v: PyObject): PyException {
    if (v instanceof PyType && this.isSubtype(v, this.T.BaseException)) {
      const e = this.callObject(v, []);
      this.decref(v);
      return e as PyException;
    }
    if (v instanceof PyException) return v;
    this.decref(v);
    return this.typeError('exceptions must derive from BaseException');
  }

  private withContext(e: PyException): PyException {
    const h = this.handledExc;
    if (h && h !== e && !e.context) {
      this.incref(h);
      e.context = h;
    }
    return e;
  }

  // ------------------------------------------------------------ the loop

  /** nesting of execute(): threads switch only at the outermost level (native callbacks run to completion) */
  loopLevel = 0;

  execute(): PyObject {
    this.loopLevel++;
    try {
      return this.executeInner();
    } finally {
      this.loopLevel--;
    }
  }

  private executeInner(): PyObject {
    for (;;) {
      try {
        return this.loop();
      } catch (e) {
        if (e instanceof BlockThread) {
          if (this.loopLevel !== 1 || !this.sched) {
            throw new SimStop({ kind: 'unsupported', construct: 'a blocking call (sleep, lock, join, wait) inside a callback the interpreter made', span: { start: 0, end: 0 }, line: this.curLine });
          }
          // the blocking call is retried when the thread resumes
          this.frame!.pc--;
          this.blockCurrentThread(e);
          continue;
        }
        if (e instanceof PyRaise) {
          const reraise = (e as PyRaise & { reraise?: boolean }).reraise === true;
          if (this.unwind(e, reraise)) continue;
        } else if (e instanceof RangeError && /call stack/.test(e.message)) {
          const err = this.newException('RecursionError', 'maximum recursion depth exceeded');
          if (this.unwind(new PyRaise(err), false)) continue;
          throw new PyRaise(err);
        }
        throw e;
      }
    }
  }

  private loop(): PyObject {
    let f = this.frame!;
    if (f.pendingThrow) {
      const e = f.pendingThrow;
      f.pendingThrow = null;
      throw new PyRaise(e);
    }
    let code = f.code.code;
    let consts = this.constObjects(f.code);
    let stack = f.stack;
    const budgets = this.budgets;
    let afterCall: Frame | null = null;
    const maxSteps = budgets.maxSteps > 0 ? budgets.maxSteps : Infinity;
    const rec = this.rec;
    const switchTo = (nf: Frame): void => {
      f = nf;
      code = f.code.code;
      consts = this.constObjects(f.code);
      stack = f.stack;
      this.curFrameId = f.id;
    };
    for (;;) {
      const sched = this.sched;
      if (sched !== null && this.loopLevel === 1) {
        // where the instruction stands only matters once a drop request is pending
        if (sched.tick(!sched.dropRequest || this.atEvalBreaker(code, f.pc))) switchTo(this.frame!);
      }
      const pc = f.pc;
      const line = f.code.lines[pc];
      if (line !== f.lastLine || f.forceLine) {
        f.lastLine = line;
        f.forceLine = false;
        if (!f.code.internal) {
          this.curLine = line;
          this.emitLine(line, f.id);
        }
      }
      if (++this.steps > maxSteps || (this.steps & 0x1fff) === 0) this.checkBudgets();
      const op = code[pc * 2];
      const arg = code[pc * 2 + 1];
      // 3.12+: a scheduled collection runs at an eval-breaker check: a frame's start (RESUME), a
      // backward jump, the end of a call that ran in C (a Python callee's RESUME checks instead)
      if (this.gcPending() && (pc === 0 || afterCall === f || (op === Op.JUMP && arg <= pc))) this.runPendingGc();
      afterCall = op === Op.CALL_FUNCTION || op === Op.CALL_METHOD || op === Op.CALL_FUNCTION_KW || op === Op.CALL_FUNCTION_EX ? f : null;
      f.pc = pc + 1;
      switch (op) {
        case Op.NOP:
          break;
        case Op.POP_TOP:
          this.decref(stack.pop()!);
          break;
        case Op.ROT_TWO: {
          const n = stack.length;
          const t = stack[n - 1];
          stack[n - 1] = stack[n - 2];
          stack[n - 2] = t;
          break;
        }
        case Op.ROT_THREE: {
          const v = stack.pop()!;
          stack.splice(stack.length - 2, 0, v);
          break;
        }
        case Op.ROT_FOUR: {
          const v = stack.pop()!;
          stack.splice(stack.length - 3, 0, v);
          break;
        }
        case Op.DUP_TOP: {
          const v = stack[stack.length - 1];
          this.incref(v);
          stack.push(v);
          break;
        }
        case Op.DUP_TOP_TWO: {
          const a = stack[stack.length - 2];
          const b = stack[stack.length - 1];
          this.incref(a);
          this.incref(b);
          stack.push(a, b);
          break;
        }
        case Op.LOAD_CONST: {
          const v = consts[arg];
          this.incref(v);
          stack.push(v);
          break;
        }
        case Op.LOAD_FAST: {
          const v = f.fast[arg];
          if (!v) this.unboundLocal(f.code.varnames[arg]);
          this.incref(v);
          stack.push(v);
          break;
        }
        case Op.STORE_FAST: {
          const v = stack.pop()!;
          const old = f.fast[arg];
          f.fast[arg] = v;
          if (rec.enabled) {
            const h = this.localHolder(f, arg);
            this.moveToHolder(v, h);
            if (old) this.decrefByHolder(old, h);
          } else if (old) this.decref(old);
          break;
        }
        case Op.DELETE_FAST: {
          const old = f.fast[arg];
          if (!old) this.unboundLocal(f.code.varnames[arg]);
          f.fast[arg] = null;
          this.decrefBy(old, ['name', f.id, f.code.varnames[arg], 'local']);
          break;
        }
        case Op.LOAD_GLOBAL: {
          const name = f.code.names[arg];
          const key = f.code.nameKeys[arg];
          const v = f.globals.map.get(key)?.value ?? this.builtinsDict.map.get(key)?.value;
          if (!v) this.nameError(f, name);
          this.incref(v);
          stack.push(v);
          break;
        }
        case Op.LOAD_NAME: {
          const name = f.code.names[arg];
          const key = f.code.nameKeys[arg];
          const v = (f.localsDict && f.localsDict.map.get(key)?.value) ?? f.globals.map.get(key)?.value ?? this.builtinsDict.map.get(key)?.value;
          if (!v) this.nameError(f, name);
          this.incref(v);
          stack.push(v);
          break;
        }
        case Op.STORE_GLOBAL:
        case Op.STORE_NAME: {
          const v = stack.pop()!;
          const d = op === Op.STORE_NAME && f.localsDict ? f.localsDict : f.globals;
          this.storeNamed(d, f.code.names[arg], v, d === f.globals ? 0 : f.id, d === f.globals ? 'global' : 'class');
          break;
        }
        case Op.DELETE_GLOBAL:
        case Op.DELETE_NAME: {
          const d = op === Op.DELETE_NAME && f.localsDict ? f.localsDict : f.globals;
          const name = f.code.names[arg];
          if (!this.deleteNamed(d, name, d === f.globals ? 0 : f.id, d === f.globals ? 'global' : 'class'))
            this.raise('NameError', `name '${name}' is not defined`);
          break;
        }
        case Op.LOAD_DEREF:
        case Op.LOAD_CLASSDEREF: {
          if (op === Op.LOAD_CLASSDEREF && f.localsDict) {
            const name = this.derefName(f, arg);
            const v = this.dictGetStr(f.localsDict, name);
            if (v) {
              this.incref(v);
              stack.push(v);
              break;
            }
          }
          const c = f.cells[arg];
          if (!c.ref) this.unboundDeref(f, arg);
          this.incref(c.ref!);
          stack.push(c.ref!);
          break;
        }
        case Op.STORE_DEREF: {
          const v = stack.pop()!;
          const c = f.cells[arg];
          const old = c.ref;
          c.ref = v;
          if (rec.enabled) this.moveTo(v, [c, 'cell_contents']);
          if (old) this.decrefBy(old, [c, 'cell_contents']);
          break;
        }
        case Op.DELETE_DEREF: {
          const c = f.cells[arg];
          if (!c.ref) this.unboundDeref(f, arg);
          const old = c.ref!;
          c.ref = null;
          this.decrefBy(old, [c, 'cell_contents']);
          break;
        }
        case Op.LOAD_CLOSURE: {
          const c = f.cells[arg];
          this.incref(c);
          stack.push(c);
          break;
        }
        case Op.LOAD_ATTR: {
          const o = stack.pop()!;
          const r = this.getattrBorrowedOwner(o, f.code.names[arg]);
          stack.push(r);
          break;
        }
        case Op.STORE_ATTR: {
          const o = stack.pop()!;
          const v = stack.pop()!;
          try {
            this.setattr(o, f.code.names[arg], v);
          } finally {
            this.decref(v);
            this.decref(o);
          }
          break;
        }
        case Op.DELETE_ATTR: {
          const o = stack.pop()!;
          try {
            this.delattr(o, f.code.names[arg]);
          } finally {
            this.decref(o);
          }
          break;
        }
        case Op.LOAD_METHOD: {
          const o = stack.pop()!;
          const name = f.code.names[arg];
          const d = o instanceof PyType || o instanceof PySuper || o instanceof PyModule || !o.type ? null : this.lookupType(o.type, name);
          if ((d instanceof PyFunction || d instanceof PyMethodDescr) && !(o instanceof PyInstance && o.attrs && o.attrs.map.has('s' + name))) {
            this.incref(d);
            stack.push(d, o);
          } else {
            const r = this.getattrBorrowedOwner(o, name);
            stack.push(r, NULL);
          }
          break;
        }
        case Op.CALL_METHOD: {
          const kw = (arg & 0x10000) !== 0;
          const n = arg & 0xffff;
          const kwnames = kw ? (stack.pop() as PyTuple) : null;
          const base = stack.length - n - 2;
          const self = stack[base + 1];
          const nf = self === NULL ? this.call(f, base, base + 2, kwnames, 2) : this.call(f, base, base + 1, kwnames, 2);
          if (nf) switchTo(nf);
          break;
        }
        case Op.CALL_FUNCTION: {
          const base = stack.length - arg - 1;
          const nf = this.call(f, base, base + 1, null, 1);
          if (nf) switchTo(nf);
          break;
        }
        case Op.CALL_FUNCTION_KW: {
          const kwnames = stack.pop() as PyTuple;
          const base = stack.length - arg - 1;
          const nf = this.call(f, base, base + 1, kwnames, 1);
          if (nf) switchTo(nf);
          break;
        }
        case Op.CALL_FUNCTION_EX: {
          const kwd = arg & 1 ? (stack.pop() as PyDict) : null;
          const argt = stack.pop() as PyTuple;
          const fn = stack.pop()!;
          let r: PyObject;
          const kwmap = kwd ? this.kwargsFromDict(kwd) : null;
          // 3.12+: f(*t) with an exact tuple and a function taking only *args reuses t as args
          if (this.profile.version >= '3.12' && !kwmap && fn instanceof PyFunction && fn.code.argcount === 0 && fn.code.kwonlyargcount === 0 && fn.code.flags & CO_VARARGS && !(fn.code.flags & (CO_GENERATOR | CO_VARKEYWORDS)) && argt.type === this.T.tuple) {
            this.reuseVarargs = argt;
          }
          // 3.12+: f(**d) with only **kwargs takes the (fresh) dict itself as kwargs
          const reuseKw =
            this.profile.version >= '3.12' && kwd !== null && argt.items.length === 0 && fn instanceof PyFunction && fn.code.argcount === 0 && fn.code.kwonlyargcount === 0 && !!(fn.code.flags & CO_VARKEYWORDS) && !(fn.code.flags & (CO_GENERATOR | CO_VARARGS)) && kwd.type === this.T.dict;
          if (reuseKw) this.reuseVarkw = kwd;
          // _PyStack_UnpackDict: the keyword values are copied (increfed) into an argument array
          const unpack = kwmap && !reuseKw;
          if (unpack) for (const v of kwmap.values()) this.incref(v);
          // a Python function runs in this loop, like CALL_FUNCTION (so a thread's target can block)
          const pyfn = fn instanceof PyFunction ? fn : fn instanceof PyMethod && fn.func instanceof PyFunction ? fn.func : null;
          if (pyfn && !(pyfn.code.flags & CO_GENERATOR)) {
            const callArgs = fn instanceof PyMethod ? [fn.self, ...argt.items] : argt.items;
            let nf: Frame;
            try {
              nf = this.makeFrame(pyfn, callArgs, kwmap, false, f);
            } catch (e) {
              this.reuseVarkw = null;
              if (unpack) for (const v of kwmap!.values()) this.decref(v);
              this.decref(argt);
              if (kwd) this.decref(kwd);
              this.decref(fn);
              throw e;
            }
            this.reuseVarkw = null;
            // the call's references stay on the caller's stack until the return, as a C call would keep them
            stack.push(fn, argt);
            if (kwd) stack.push(kwd);
            nf.callerPop = kwd ? 3 : 2;
            if (unpack) nf.extraRefs = [...kwmap!.values()];
            this.pushFrame(nf);
            switchTo(nf);
            break;
          }
          try {
            r = this.callObject(fn, argt.items, kwmap);
          } finally {
            this.reuseVarkw = null;
            if (unpack) for (const v of kwmap.values()) this.decref(v);
            this.decref(argt);
            if (kwd) this.decref(kwd);
            this.decref(fn);
          }
          stack.push(r);
          break;
        }
        case Op.RETURN_VALUE: {
          const v = stack.pop()!;
          if (f.generator) {
            f.generator.finished = true;
            f.generator.frame = null;
          }
          if (f.isEntry && this.sched && this.loopLevel === 1 && this.sched.current.isMain && this.sched.nonDaemonAlive()) {
            // threading._shutdown: the main thread waits for the other non-daemon threads first
            stack.push(v);
            const sc = this.sched;
            throw new BlockThread({ reason: 'threading._shutdown', ready: () => !sc.nonDaemonAlive(), deadline: Infinity });
          }
          this.clearFrame(f);
          this.popFrame(f, v);
          if (f.isEntry) return v;
          if (f.threadBottom) {
            this.decref(v);
            this.threadFinished();
            switchTo(this.frame!);
            break;
          }
          const caller = this.frame!;
          this.afterReturn(caller, f);
          if (f.withEnter >= 0) caller.blocks.push({ kind: 'finally', handler: f.withEnter, level: caller.stack.length, prevExc: null });
          if (f.ctorInstance) {
            this.decref(v);
            caller.stack.push(f.ctorInstance);
          } else caller.stack.push(v);
          switchTo(caller);
          break;
        }
        case Op.YIELD_VALUE: {
          const v = stack.pop()!;
          this.popFrame(f, v);
          return v;
        }
        case Op.GET_YIELD_FROM_ITER: {
          const o = stack.pop()!;
          const it = this.iter(o);
          this.decref(o);
          stack.push(it);
          break;
        }
        case Op.YIELD_FROM: {
          const sent = stack.pop()!;
          const it = stack[stack.length - 1];
          let v: PyObject | null;
          try {
            v = it instanceof PyGenerator ? this.resumeGenerator(it, sent) : this.next(it);
          } finally {
            this.decref(sent);
          }
          if (v) {
            f.pc = pc; // re-execute YIELD_FROM on resume
            this.popFrame(f, v);
            return v;
          }
          stack.pop();
          const ret = it instanceof PyGenerator && it.returnValue ? it.returnValue : this.none();
          if (it instanceof PyGenerator) it.returnValue = null;
          this.decref(it);
          stack.push(ret);
          break;
        }
        case Op.BINARY_SUBSCR: {
          const key = stack.pop()!;
          const o = stack.pop()!;
          let r: PyObject;
          try {
            r = this.getitem(o, key);
          } finally {
            this.decref(o);
            this.decref(key);
          }
          stack.push(r);
          break;
        }
        case Op.STORE_SUBSCR: {
          const key = stack.pop()!;
          const o = stack.pop()!;
          const v = stack.pop()!;
          try {
            this.setitem(o, key, v);
          } finally {
            this.decref(v);
            this.decref(o);
            this.decref(key);
          }
          break;
        }
        case Op.DELETE_SUBSCR: {
          const key = stack.pop()!;
          const o = stack.pop()!;
          try {
            this.delitem(o, key);
          } finally {
            this.decref(o);
            this.decref(key);
          }
          break;
        }
        case Op.BINARY_OP:
        case Op.INPLACE_OP: {
          const b = stack.pop()!;
          const a = stack.pop()!;
          let r: PyObject;
          try {
            r = this.fastBinary(a, b, arg) ?? this.binaryOp(a, b, BIN_OPS[arg], op === Op.INPLACE_OP);
          } finally {
            this.decref(a);
            this.decref(b);
          }
          stack.push(r);
          break;
        }
        case Op.UNARY_OP: {
          const o = stack.pop()!;
          let r: PyObject;
          try {
            r = this.unaryOp(o, arg);
          } finally {
            this.decref(o);
          }
          stack.push(r);
          break;
        }
        case Op.COMPARE_OP: {
          const b = stack.pop()!;
          const a = stack.pop()!;
          let r: PyObject;
          try {
            r = this.richCompare(a, b, CMP_OPS[arg]);
          } finally {
            this.decref(a);
            this.decref(b);
          }
          stack.push(r);
          break;
        }
        case Op.IS_OP: {
          const b = stack.pop()!;
          const a = stack.pop()!;
          const r = (a === b) !== (arg === 1);
          this.decref(a);
          this.decref(b);
          stack.push(this.newBool(r));
          break;
        }
        case Op.CONTAINS_OP: {
          const container = stack.pop()!;
          const item = stack.pop()!;
          let r: boolean;
          try {
            r = this.contains(container, item) !== (arg === 1);
          } finally {
            this.decref(item);
            this.decref(container);
          }
          stack.push(this.newBool(r));
          break;
        }
        case Op.JUMP:
          if (arg <= pc) f.forceLine = true;
          f.pc = arg;
          break;
        case Op.POP_JUMP_IF_FALSE:
        case Op.POP_JUMP_IF_TRUE: {
          const v = stack.pop()!;
          let t: boolean;
          try {
            t = v === this.True ? true : v === this.False ? false : this.truthy(v);
          } finally {
            this.decref(v);
          }
          if (t === (op === Op.POP_JUMP_IF_TRUE)) {
            if (arg <= pc) f.forceLine = true;
            f.pc = arg;
          }
          break;
        }
        case Op.JUMP_IF_FALSE_OR_POP:
        case Op.JUMP_IF_TRUE_OR_POP: {
          const v = stack[stack.length - 1];
          const t = this.truthy(v);
          if (t === (op === Op.JUMP_IF_TRUE_OR_POP)) f.pc = arg;
          else this.decref(stack.pop()!);
          break;
        }
        case Op.GET_ITER: {
          const o = stack.pop()!;
          let it: PyObject;
          try {
            it = this.iter(o);
          } finally {
            this.decref(o);
          }
          stack.push(it);
          break;
        }
        case Op.FOR_ITER: {
          const it = stack[stack.length - 1];
          const v = this.next(it);
          if (v) stack.push(v);
          else {
            if (it instanceof PyGenerator && it.returnValue) {
              this.decref(it.returnValue);
              it.returnValue = null;
            }
            stack.pop();
            this.decref(it);
            f.pc = arg;
          }
          break;
        }
        case Op.BUILD_LIST: {
          const items = arg ? stack.splice(stack.length - arg, arg) : [];
          const l = this.newList(items);
          if (rec.enabled) items.forEach((x, i) => this.moveTo(x, [l, indexLabel(i)]));
          stack.push(l);
          break;
        }
        case Op.BUILD_TUPLE: {
          const items = arg ? stack.splice(stack.length - arg, arg) : [];
          stack.push(this.newTuple(items));
          break;
        }
        case Op.BUILD_SET: {
          const items = arg ? stack.splice(stack.length - arg, arg) : [];
          const s = this.newSet();
          try {
            for (const x of items) this.setAdd(s, x);
          } finally {
            for (const x of items) this.decref(x);
          }
          stack.push(s);
          break;
        }
        case Op.BUILD_MAP: {
          const items = arg ? stack.splice(stack.length - 2 * arg, 2 * arg) : [];
          const d = this.newDict(arg);
          try {
            for (let i = 0; i < items.length; i += 2) this.dictSet(d, items[i], items[i + 1]);
          } finally {
            for (const x of items) this.decref(x);
          }
          stack.push(d);
          break;
        }
        case Op.LIST_APPEND: {
          const v = stack.pop()!;
          this.listAppend(stack[stack.length - arg] as PyList, v);
          break;
        }
        case Op.SET_ADD: {
          const v = stack.pop()!;
          this.setAdd(stack[stack.length - arg] as PySet, v);
          this.decref(v);
          break;
        }
        case Op.MAP_ADD: {
          const v = stack.pop()!;
          const k = stack.pop()!;
          this.dictSet(stack[stack.length - arg] as PyDict, k, v);
          this.decref(k);
          this.decref(v);
          break;
        }
        case Op.LIST_EXTEND: {
          const it = stack.pop()!;
          const l = stack[stack.length - arg] as PyList;
          try {
            if (it instanceof PyTuple || it instanceof PyList) this.listExtend(l, it.items);
            else this.listExtendOwned(l, this.iterToArray(it));
          } catch (e) {
            if (e instanceof PyRaise && this.isSubtype(e.exc.type, this.T.TypeError) && !this.isIterable(it)) {
              this.decref(e.exc);
              this.typeError(`Value after * must be an iterable, not ${this.typeName(it)}`);
            }
            throw e;
          } finally {
            this.decref(it);
          }
          break;
        }
        case Op.SET_UPDATE: {
          const it = stack.pop()!;
          const s = stack[stack.length - arg] as PySet;
          try {
            const items = this.iterToArray(it);
            for (const x of items) {
              this.setAdd(s, x);
              this.decref(x);
            }
          } finally {
            this.decref(it);
          }
          break;
        }
        case Op.DICT_UPDATE:
        case Op.DICT_MERGE: {
          const src = stack.pop()!;
          const d = stack[stack.length - arg] as PyDict;
          try {
            if (!(src instanceof PyDict)) this.typeError(`'${this.typeName(src)}' object is not a mapping`);
            for (const e of (src as PyDict).map.values()) {
              if (op === Op.DICT_MERGE && d.map.has(this.hashKey(e.key))) this.typeError(`keywords must be unique: got multiple values for keyword argument '${this.str(e.key)}'`);
              this.dictSet(d, e.key, e.value);
            }
          } finally {
            this.decref(src);
          }
          break;
        }
        case Op.LIST_TO_TUPLE: {
          const l = stack.pop() as PyList;
          const items = [...l.items];
          for (const x of items) this.incref(x);
          this.decref(l);
          stack.push(this.newTuple(items));
          break;
        }
        case Op.BUILD_SLICE: {
          const step = arg === 3 ? stack.pop()! : this.none();
          const stop = stack.pop()!;
          const start = stack.pop()!;
          const s = this.track(new PySlice(this.T.slice, start, stop, step), this.profile.sizes.slice, false);
          stack.push(s);
          break;
        }
        case Op.UNPACK_SEQUENCE: {
          const seq = stack.pop()!;
          let items: PyObject[];
          try {
            items = this.unpack(seq, arg, -1);
          } finally {
            this.decref(seq);
          }
          for (let i = items.length - 1; i >= 0; i--) stack.push(items[i]);
          break;
        }
        case Op.UNPACK_EX: {
          const seq = stack.pop()!;
          let items: PyObject[];
          try {
            items = this.unpack(seq, arg & 0xff, arg >> 8);
          } finally {
            this.decref(seq);
          }
          for (let i = items.length - 1; i >= 0; i--) stack.push(items[i]);
          break;
        }
        case Op.BUILD_STRING: {
          const parts = stack.splice(stack.length - arg, arg);
          const s = parts.map((p) => (p as PyStr).s).join('');
          for (const p of parts) this.decref(p);
          stack.push(this.newStr(s));
          break;
        }
        case Op.FORMAT_VALUE: {
          const spec = arg & 4 ? (stack.pop() as PyStr) : null;
          const v = stack.pop()!;
          let r: PyObject;
          try {
            r = this.formatValue(v, arg & 3, spec ? spec.s : '');
          } finally {
            this.decref(v);
            if (spec) this.decref(spec);
          }
          stack.push(r);
          break;
        }
        case Op.MAKE_FUNCTION: {
          const codeObj = stack.pop() as PyCode;
          const closure = arg & 8 ? (stack.pop() as PyTuple) : null;
          const kwdefaults = arg & 2 ? (stack.pop() as PyDict) : null;
          const defaults = arg & 1 ? (stack.pop() as PyTuple) : null;
          const fn = this.track(new PyFunction(this.T.function, codeObj.code, codeObj, f.globals, codeObj.code.name), this.profile.sizes.function, true);
          this.moveTo(codeObj, [fn, '__code__']);
          this.increfBy(f.globals, [fn, '__globals__']);
          if (closure) {
            fn.closure = closure;
            this.moveTo(closure, [fn, '__closure__']);
          }
          if (kwdefaults) {
            fn.kwdefaults = kwdefaults;
            this.moveTo(kwdefaults, [fn, '__kwdefaults__']);
          }
          if (defaults) {
            fn.defaults = defaults;
            this.moveTo(defaults, [fn, '__defaults__']);
          }
          stack.push(fn);
          break;
        }
        case Op.LOAD_BUILD_CLASS: {
          const b = this.dictGetStr(this.builtinsDict, '__build_class__')!;
          this.incref(b);
          stack.push(b);
          break;
        }
        case Op.RAISE_VARARGS: {
          if (arg === 0) {
            if (!this.handledExc) this.raise('RuntimeError', 'No active exception to reraise');
            this.incref(this.handledExc);
            const r = new PyRaise(this.handledExc as PyException) as PyRaise & { reraise?: boolean };
            r.reraise = true;
            throw r;
          }
          const cause = arg === 2 ? stack.pop()! : null;
          const exc = this.makeRaise(stack.pop()!);
          if (cause) {
            let c: PyObject | null = cause;
            if (cause instanceof PyNone) {
              c = null;
              this.decref(cause);
            } else if (cause instanceof PyType) {
              c = this.callObject(cause, []);
              this.decref(cause);
            }
            if (exc.cause) this.decref(exc.cause);
            exc.cause = c;
            exc.suppressContext = true;
          }
          throw new PyRaise(this.withContext(exc));
        }
        case Op.SETUP_FINALLY:
          f.blocks.push({ kind: 'finally', handler: arg, level: stack.length, prevExc: null });
          break;
        case Op.POP_BLOCK:
          f.blocks.pop();
          break;
        case Op.POP_EXCEPT: {
          const b = f.blocks.pop()!;
          const old = this.handledExc;
          this.handledExc = b.prevExc;
          if (old) this.decref(old);
          break;
        }
        case Op.RERAISE: {
          const exc = stack.pop() as PyException;
          const r = new PyRaise(exc) as PyRaise & { reraise?: boolean };
          r.reraise = true;
          throw r;
        }
        case Op.JUMP_IF_NOT_EXC_MATCH: {
          const spec = stack.pop()!;
          const exc = stack.pop()!;
          let m: boolean;
          try {
            m = this.excMatches(exc, spec);
          } finally {
            this.decref(spec);
            this.decref(exc);
          }
          if (!m) f.pc = arg;
          break;
        }
        case Op.SETUP_WITH: {
          const mgr = stack.pop()!;
          const enter = this.lookupType(mgr.type, '__enter__');
          const exitFn = this.lookupType(mgr.type, '__exit__');
          if (!enter || !exitFn) {
            this.decref(mgr);
            const missing = !enter ? '' : ' and the __exit__';
            this.typeError(`'${this.typeName(mgr)}' object does not support the context manager protocol${missing === '' ? '' : ''}`);
          }
          const exitBound = this.bindDescriptor(exitFn!, mgr, mgr.type);
          stack.push(exitBound);
          if (enter instanceof PyFunction && !(enter.code.flags & CO_GENERATOR)) {
            // a Python __enter__ runs in this loop; its return finishes SETUP_WITH (withEnter)
            let nf: Frame;
            try {
              nf = this.makeFrame(enter, [mgr], null, false, f);
            } finally {
              this.decref(mgr);
            }
            nf.withEnter = arg;
            this.pushFrame(nf);
            switchTo(nf);
            break;
          }
          let res: PyObject;
          try {
            const enterBound = this.bindDescriptor(enter!, mgr, mgr.type);
            try {
              res = this.callObject(enterBound, []);
            } finally {
              this.decref(enterBound);
            }
          } catch (e) {
            if (e instanceof BlockThread) {
              // `with lock:` waits: undo, and SETUP_WITH runs again when the thread resumes
              stack.pop();
              this.decref(exitBound);
              stack.push(mgr);
              throw e;
            }
            this.decref(mgr);
            throw e;
          }
          this.decref(mgr);
          f.blocks.push({ kind: 'finally', handler: arg, level: stack.length, prevExc: null });
          stack.push(res);
          break;
        }
        case Op.WITH_EXCEPT_START: {
          const exc = stack[stack.length - 1];
          const exitFn = stack[stack.length - 2];
          const tb = this.none();
          const r = this.callObject(exitFn, [exc.type, exc, tb]);
          this.decref(tb);
          stack.push(r);
          break;
        }
        case Op.LOAD_ASSERTION_ERROR:
          this.incref(this.T.AssertionError);
          stack.push(this.T.AssertionError);
          break;
        case Op.IMPORT_NAME: {
          const fromlist = stack.pop()!;
          const level = stack.pop()!;
          this.decref(fromlist);
          this.decref(level);
          stack.push(this.importModule(f.code.names[arg], f));
          break;
        }
        case Op.IMPORT_FROM: {
          const m = stack[stack.length - 1];
          const name = f.code.names[arg];
          const v = this.getattrOrNull(m, name);
          if (!v) this.raise('ImportError', `cannot import name '${name}' from '${(m as { name?: string }).name ?? '?'}' (unknown location)`);
          stack.push(v);
          break;
        }
        case Op.IMPORT_STAR:
          this.stopUnsupported(f, pc, '`from module import *`');
          break;
        case Op.STOP_UNSUPPORTED: {
          const u = f.code.unsupported[arg];
          throw new SimStop({ kind: 'unsupported', construct: u.construct, span: u.span, line: u.line });
        }
        default:
          throw new Error(`unknown opcode ${op}`);
      }
    }
  }

  abstract readonly gc: Collector;
  abstract gcPending(): boolean;
  abstract runPendingGc(): void;

  // ------------------------------------------------------------ threads

  ensureScheduler(): Scheduler {
    if (!this.sched) {
      this.sched = new Scheduler({
        // trace times are simulated microseconds (the scheduler counts nanoseconds)
        recGil: (what, thread, time, reason) => {
          if (this.rec.enabled) this.rec.gil(what, thread, time / 1000, reason);
        },
        recThread: (what, thread, name, time) => {
          if (this.rec.enabled) this.rec.thread(what, thread, name, time / 1000);
        },
        saveState: (t) => {
          t.frame = this.frame;
          t.depth = this.depth;
          t.handledExc = this.handledExc;
        },
        loadState: (t) => {
          this.frame = t.frame;
          this.depth = t.depth;
          this.handledExc = t.handledExc;
          if (t.frame) {
            this.curFrameId = t.frame.id;
            if (t.frame.lastLine > 0) this.curLine = t.frame.lastLine;
            t.frame.forceLine = true;
          }
        },
      });
      this.sched.switchIntervalNs = Math.round(this.switchInterval * 1e9);
    }
    return this.sched;
  }

  switchInterval = 0.005;

  /** a started thread: its target runs in a frame of its own, at the bottom of the thread's stack */
  startThread(t: ThreadState, run: PyObject): void {
    const s = this.ensureScheduler();
    let fn: PyObject = run;
    let args: PyObject[] = [];
    if (run instanceof PyMethod) {
      fn = run.func;
      args = [run.self];
    }
    if (!(fn instanceof PyFunction)) this.typeError('a thread target must be a Python function');
    const frame = this.makeFrame(fn as PyFunction, args, null, false, null);
    this.increfBy(fn, ['stack', frame.id]);
    frame.holdsFunc = true;
    frame.threadBottom = true;
    frame.forceLine = true;
    t.depth = 1;
    s.start(t, frame);
  }

  private blockCurrentThread(b: BlockThread): void {
    const s = this.sched!;
    const t = s.current;
    s.block(t, b.wait, b.wait.reason === 'time.sleep');
    s.current.frame = this.frame;
    const next = s.yieldGil(b.wait.reason);
    if (!next) this.deadlock();
  }

  private deadlock(): never {
    const blocked = this.sched!.threads.filter((t) => t.status === 'blocked').map((t) => `${t.name} (${t.wait?.reason ?? '?'})`);
    throw new SimStop({ kind: 'budget', what: 'time', message: `stopped: every thread is blocked for good (deadlock): ${blocked.join(', ')}` });
  }

  /** the current (non-main) thread's target returned */
  private threadFinished(): void {
    const s = this.sched!;
    const t = s.current;
    s.finish(t);
    if (t.pyThread) {
      const p = t.pyThread;
      t.pyThread = null;
      this.decref(p);
    }
    const next = s.yieldGil('thread exit');
    if (!next) this.deadlock();
  }

  /** an exception ended a thread: threading.excepthook prints it, the thread ends */
  private threadDied(exc: PyException): void {
    const s = this.sched!;
    const t = s.current;
    this.stderrWrite(`Exception in thread ${t.name}:\n${this.formatTracebackOf(exc)}`);
    this.decref(exc);
    this.threadFinished();
  }

  abstract formatTracebackOf(e: PyException): string;

  private stopUnsupported(f: Frame, pc: number, construct: string): never {
    const span = f.code.spans[pc] ?? { start: 0, end: 0 };
    throw new SimStop({ kind: 'unsupported', construct, span, line: f.code.lines[pc] });
  }

  /** getattr that consumes the owner reference */
  private getattrBorrowedOwner(o: PyObject, name: string): PyObject {
    try {
      return this.getattr(o, name);
    } finally {
      this.decref(o);
    }
  }

  /** NameError with CPython's suggestion: local names first, then globals, then builtins */
  private nameError(f: Frame, name: string): never {
    const e = this.newException('NameError', `name '${name}' is not defined`);
    const keys = (d: PyDict): string[] => [...d.map.values()].map((x) => (x.key as PyStr).s);
    const s = suggest(name, f.code.varnames) ?? suggest(name, keys(f.localsDict ?? f.globals)) ?? suggest(name, keys(f.globals)) ?? suggest(name, keys(this.builtinsDict));
    if (s) e.suggestion = s;
    throw new PyRaise(e);
  }

  private unboundLocal(name: string): never {
    return this.raise(
      'UnboundLocalError',
      this.profile.version === '3.10' ? `local variable '${name}' referenced before assignment` : `cannot access local variable '${name}' where it is not associated with a value`,
    );
  }

  private derefName(f: Frame, i: number): string {
    const c = f.code;
    return i < c.cellvars.length ? c.cellvars[i] : c.freevars[i - c.cellvars.length];
  }

  private unboundDeref(f: Frame, i: number): never {
    const name = this.derefName(f, i);
    if (i < f.code.cellvars.length) this.unboundLocal(name);
    return this.raise(
      'NameError',
      this.profile.version === '3.10' ? `free variable '${name}' referenced before assignment in enclosing scope` : `cannot access free variable '${name}' where it is not associated with a value in enclosing scope`,
    );
  }

  /**
   * A call from the loop. stack[base] is the callable; args start at argStart (after self/NULL).
   * Python functions get a new frame (returned: the loop switches to it); anything else is called
   * natively and its result pushed.
   */
  private call(f: Frame, base: number, argStart: number, kwnames: PyTuple | null, _kind: number): Frame | null {
    const stack = f.stack;
    let callable = stack[base];
    const nkw = kwnames ? kwnames.items.length : 0;
    const all = stack.slice(argStart);
    const pos = nkw ? all.slice(0, all.length - nkw) : all;
    const kwvals = nkw ? all.slice(all.length - nkw) : [];
    const copy = this.profile.argsCopiedIntoFrame;
    // a bound method object: call its function with self first
    let args = pos;
    let selfFromMethod: PyObject | null = null;
    if (callable instanceof PyMethod && callable.func instanceof PyFunction && !(callable.func.code.flags & CO_GENERATOR)) {
      selfFromMethod = callable.self;
      args = [callable.self, ...pos];
      callable = callable.func;
    }
    if (callable instanceof PyFunction && !(callable.code.flags & CO_GENERATOR)) {
      const kwargs = kwnames ? this.kwargsFrom(kwnames, kwvals) : null;
      if (copy || selfFromMethod) {
        // arguments are copied into the frame; the caller's stack keeps its references until the return
        const nf = this.makeFrameChecked(callable, args, kwargs, false, f);
        nf.callerPop = stack.length - base;
        if (kwnames) this.decref(kwnames);
        this.pushFrame(nf);
        return nf;
      }
      // 3.11+: arguments and the function move from the stack into the new frame
      const nf = this.makeFrameChecked(callable, args, kwargs, true, f, () => {
        stack.length = base;
        if (kwnames) this.decref(kwnames);
      });
      stack.length = base;
      if (kwnames) this.decref(kwnames);
      nf.holdsFunc = true;
      this.moveTo(callable, ['stack', nf.id]);
      this.pushFrame(nf);
      return nf;
    }
    if (callable instanceof PyType && callable.isHeap && this.hasPyInit(callable)) {
      const nkw = kwnames ? kwnames.items.length : 0;
      const temps = ctorArgsBefore(this, pos.length, nkw);
      const inst = this.newInstance(callable);
      ctorArgsAfterNew(this, temps, nkw);
      const init = this.lookupType(callable, '__init__') as PyFunction;
      const kwargs = kwnames ? this.kwargsFrom(kwnames, kwvals) : null;
      let nf: Frame;
      try {
        nf = this.makeFrame(init, [inst, ...pos], kwargs, false, f);
      } catch (e) {
        this.decref(inst);
        ctorArgsRelease(this, temps);
        this.dropCallArgs(f, base, kwnames);
        throw e;
      }
      nf.callerPop = stack.length - base;
      nf.ctorInstance = inst;
      nf.ctorTemps = temps;
      if (kwnames) this.decref(kwnames);
      this.pushFrame(nf);
      return nf;
    }
    // native call
    let r: PyObject;
    try {
      r = this.callObject(callable, pos, kwnames ? this.kwargsFrom(kwnames, kwvals) : null);
    } catch (e) {
      if (e instanceof BlockThread) {
        // retried as a whole when the thread resumes: the stack keeps the call's entries
        if (kwnames) stack.push(kwnames);
        throw e;
      }
      this.dropCallArgs(f, base, kwnames);
      throw e;
    }
    this.dropCallArgs(f, base, kwnames);
    stack.push(r);
    return null;
  }

  private makeFrameChecked(fn: PyFunction, args: PyObject[], kwargs: Map<string, PyObject> | null, owned: boolean, parent: Frame, onOwnedFail?: () => void): Frame {
    try {
      return this.makeFrame(fn, args, kwargs, owned, parent);
    } catch (e) {
      if (owned) {
        onOwnedFail?.();
        for (const a of args) this.decref(a);
        this.decref(fn);
      } else this.dropCallArgs(parent, parent.stack.length - args.length - 1, null);
      throw e;
    }
  }

  private hasPyInit(t: PyType): boolean {
    const init = this.lookupType(t, '__init__');
    const nw = this.lookupType(t, '__new__');
    return init instanceof PyFunction && !(init.code.flags & CO_GENERATOR) && (!nw || nw instanceof PyBuiltin || nw instanceof PyMethodDescr) && !this.nativeBase(t);
  }

  private nativeBase(t: PyType): boolean {
    return t.mro.some((k) => !k.isHeap && k !== this.T.object);
  }

  /** pop the call's stack entries: args (3.11+: first to last; 3.10: last to first), then the callable */
  private dropCallArgs(f: Frame, base: number, kwnames: PyTuple | null): void {
    const stack = f.stack;
    const items = stack.splice(base);
    if (kwnames) this.decref(kwnames);
    if (this.profile.argsCopiedIntoFrame) {
      for (let i = items.length - 1; i >= 0; i--) if (items[i] !== NULL) this.decref(items[i]);
    } else {
      for (let i = 1; i < items.length; i++) if (items[i] !== NULL) this.decref(items[i]);
      if (items[0] !== NULL) this.decref(items[0]);
    }
  }

  /** after a Python frame returns to its caller */
  private afterReturn(caller: Frame, done: Frame): void {
    if (done.extraRefs) {
      const refs = done.extraRefs;
      done.extraRefs = null;
      for (const v of refs) this.decref(v);
    }
    if (done.callerPop) this.dropCallArgs(caller, caller.stack.length - done.callerPop, null);
    if (done.ctorInstance && caller) {
      /* the instance reference moves to the stack below */
    }
  }

  fastBinary(a: PyObject, b: PyObject, opIndex: number): PyObject | null {
    if (a.type === this.T.int && b.type === this.T.int) {
      const x = (a as PyInt).v;
      const y = (b as PyInt).v;
      switch (opIndex) {
        case 0:
          return this.newInt(I.add(x, y));
        case 1:
          return this.newInt(I.sub(x, y));
        case 2:
          return this.newInt(I.mul(x, y));
      }
    }
    return null;
  }

  isIterable(o: PyObject): boolean {
    return o instanceof PyList || o instanceof PyTuple || o instanceof PyStr || o instanceof PyDict || o instanceof PySet || (o instanceof PyInstance && (this.hasUserMethod(o.type, '__iter__') || this.hasUserMethod(o.type, '__getitem__')));
  }

  unpack(seq: PyObject, before: number, after: number): PyObject[] {
    const star = after >= 0;
    let items: PyObject[];
    if (seq instanceof PyTuple || seq instanceof PyList) {
      items = [...seq.items];
      for (const x of items) this.incref(x);
    } else {
      try {
        items = this.iterToArray(seq);
      } catch (e) {
        if (e instanceof PyRaise && this.isSubtype(e.exc.type, this.T.TypeError) && / is not iterable$/.test(this.safeStr(e.exc))) {
          this.decref(e.exc);
          this.typeError(`cannot unpack non-iterable ${this.typeName(seq)} object`);
        }
        throw e;
      }
    }
    const n = items.length;
    if (!star) {
      if (n !== before) {
        for (const x of items) this.decref(x);
        if (n < before) this.raise('ValueError', `not enough values to unpack (expected ${before}, got ${n})`);
        this.raise('ValueError', `too many values to unpack (expected ${before})`);
      }
      return items;
    }
    if (n < before + after) {
      for (const x of items) this.decref(x);
      this.raise('ValueError', `not enough values to unpack (expected at least ${before + after}, got ${n})`);
    }
    const mid = items.slice(before, n - after);
    const l = this.newList(mid);
    if (this.rec.enabled) mid.forEach((x, i) => this.moveTo(x, [l, indexLabel(i)]));
    return [...items.slice(0, before), l, ...items.slice(n - after)];
  }

  storeNamed(d: PyDict, name: string, v: PyObject, frame: number, scope: 'global' | 'class'): void {
    const hk = 's' + name;
    const e = d.map.get(hk);
    if (e) {
      const old = e.value;
      e.value = v;
      if (this.rec.enabled) {
        const h = this.nameHolder(frame, name, scope);
        this.moveToHolder(v, h);
        this.decrefByHolder(old, h);
      } else this.decref(old);
      return;
    }
    const key = this.nameStr(name);
    this.dictSetNew(d, key, v);
    this.increfBy(key, [d, 'key']);
    if (this.rec.enabled) this.moveToHolder(v, this.nameHolder(frame, name, scope));
  }

  deleteNamed(d: PyDict, name: string, frame: number, scope: 'global' | 'class'): boolean {
    const hk = 's' + name;
    const e = d.map.get(hk);
    if (!e) return false;
    d.map.delete(hk);
    this.decrefBy(e.key, [d, 'key']);
    this.decrefBy(e.value, ['name', frame, name, scope]);
    return true;
  }

  /** insert a new key without taking references (the caller accounts for them) */
  private dictSetNew(d: PyDict, key: PyStr, v: PyObject): void {
    const before = d.map.size;
    d.map.set('s' + key.s, { key, value: v });
    if (d.tableSize === 0) {
      d.tableSize = 8;
      d.tableFill = 0;
    } else if (d.tableFill >= ((d.tableSize << 1) / 3 | 0)) {
      let size = 8;
      while (size < before * 3) size <<= 1;
      d.tableSize = size;
      d.tableFill = before;
    }
    d.tableFill++;
  }

  private nameStrs = new Map<string, PyStr>();
  /** the interned str object of an identifier (co_names); a borrowed reference */
  nameStr(name: string): PyStr {
    let s = this.nameStrs.get(name);
    if (!s) {
      // co_names strings belong to the code objects: interpreter-owned as far as the heap view goes
      const saved = this.rec.enabled;
      this.rec.enabled = false;
      this.internalDepth++;
      try {
        const n = this.newStr(name);
        s = this.intern(n);
        this.decref(n);
      } finally {
        this.internalDepth--;
        this.rec.enabled = saved;
      }
      this.nameStrs.set(name, s);
    }
    return s;
  }

  // ------------------------------------------------------------ misc

  newInstance(t: PyType): PyInstance {
    if (t === this.T.object) return this.track(new PyInstance(t), 16, false);
    const o = new PyInstance(t);
    const size = this.instanceSize(t);
    if (t.sharedKeys) o.allocBytes = allocateInlineInstance(t, size);
    this.track(o, size, t.gcInstances || t.isHeap);
    if (t.isHeap) this.increfBy(t, [o, '__class__']);
    return o;
  }

  hasFinalizer(o: PyInstance): boolean {
    const d = this.lookupType(o.type, '__del__');
    return d instanceof PyFunction;
  }

  finalize(o: PyObject): void {
    const saved = this.saveErrorState();
    try {
      const r = this.callMethodOf(o, '__del__', []);
      this.decref(r);
    } catch (e) {
      if (e instanceof PyRaise) {
        this.stderrWrite(`Exception ignored in: ${this.safeRepr(o)}\n`);
        this.stderrWrite(`${e.exc.type.name}: ${this.safeStr(e.exc)}\n`);
        this.decref(e.exc);
      } else throw e;
    } finally {
      this.restoreErrorState(saved);
    }
  }

  safeRepr(o: PyObject): string {
    try {
      return this.repr(o);
    } catch (e) {
      if (e instanceof PyRaise) {
        this.decref(e.exc);
        return '<object repr() failed>';
      }
      throw e;
    }
  }

  private saveErrorState(): PyObject | null {
    return null;
  }
  private restoreErrorState(_s: PyObject | null): void {}

  releaseType(t: PyType): void {
    const entries = [...t.dict.entries()];
    t.dict.clear();
    this.typeVersion++;
    for (const [name, v] of entries) this.decrefBy(v, [t, attrLabel(name)]);
    if (t.qualnameRef) {
      const q = t.qualnameRef;
      t.qualnameRef = null;
      this.decrefBy(q, [t, '__qualname__']);
    }
    if (t.mroTuple) {
      const m = t.mroTuple;
      t.mroTuple = null;
      this.decrefBy(m, [t, '__mro__']);
    }
    if (t.isHeap && t.bases[0] && !t.baseReleased) {
      t.baseReleased = true;
      this.decrefBy(t.bases[0], [t, '__base__']);
    }
    if (t.basesTuple) {
      const b = t.basesTuple;
      t.basesTuple = null;
      this.decrefBy(b, [t, '__bases__']);
    }
    const descr = t.descrRefs;
    t.descrRefs = 0;
    for (let i = 0; i < descr; i++) this.decrefBy(t, [t, descriptorLabel(t, i)]);
    this.typeObjects.released(t);
  }

  readonly weakrefs = new Map<PyObject, PyWeakRef[]>();

  releaseWeakRef(w: PyWeakRef): void {
    if (w.target) {
      const list = this.weakrefs.get(w.target);
      if (list) {
        const i = list.indexOf(w);
        if (i >= 0) list.splice(i, 1);
        if (!list.length) this.weakrefs.delete(w.target);
      }
      w.target = null;
    }
    if (w.callback) {
      const cb = w.callback;
      w.callback = null;
      this.decrefBy(cb, [w, '__callback__']);
    }
    if (w.key) {
      const k = w.key;
      w.key = null;
      this.decrefBy(k, [w, 'key']);
    }
  }

  clearWeakrefs(o: PyObject): void {
    const list = this.weakrefs.get(o);
    if (!list) return;
    this.weakrefs.delete(o);
    this.clearRefs(list, null);
  }

  /** clear weak references; call the callbacks of those still alive (and not in `dying`) */
  clearRefs(list: PyWeakRef[], dying: Set<PyObject> | null): void {
    const calls: PyWeakRef[] = [];
    for (const w of list) {
      w.target = null;
      if (w.callback && !(w.flags & F_DEAD) && !(dying && dying.has(w))) calls.push(w);
    }
    for (const w of calls) {
      this.incref(w);
      try {
        this.decref(this.callObject(w.callback!, [w]));
      } catch (e) {
        if (e instanceof PyRaise) {
          this.stderrWrite(`Exception ignored in: ${this.safeRepr(w.callback!)}\n${e.exc.type.name}: ${this.safeStr(e.exc)}\n`);
          this.decref(e.exc);
        } else throw e;
      } finally {
        this.decref(w);
      }
    }
  }

  isDead(o: PyObject): boolean {
    return (o.flags & F_DEAD) !== 0;
  }

  memoryError(_nbytes: number): never {
    return this.raise('MemoryError');
  }

  cellOf(c: PyObject): PyCell {
    return c as PyCell;
  }
}


