// Frames of the evaluation loop: fast locals, cells, value stack, block stack (3.10-style
// SETUP_FINALLY blocks), and what the frame belongs to (function, generator, module).
import type { CodeObject } from '../compile/code';
import type { PyCell, PyDict, PyException, PyFrameObj, PyFunction, PyGenerator, PyObject } from '../objects/model';
import type { Holder } from '../trace/events';
import type { CtorTemps } from '../gc/call-tuples';

export interface Block {
  /** 'finally': SETUP_FINALLY/SETUP_WITH handler; 'except': an exception is being handled */
  kind: 'finally' | 'except';
  handler: number;
  level: number;
  /** for 'except': the previously handled exception to restore (owned) */
  prevExc: PyObject | null;
}

export class Frame {
  pc = 0;
  /** 3.10: the frame's PyFrameObject was counted by the collector (Collector.frameStarted) */
  gcCounted = false;
  stack: PyObject[] = [];
  blocks: Block[] = [];
  lastLine = -1;
  /** set when the next instruction starts a new line event even on the same line (backward jump) */
  forceLine = true;
  generator: PyGenerator | null = null;
  /** the run loop that must return when this frame returns (native -> Python call boundary) */
  isEntry = false;
  /** a `call` event was already emitted for this frame (at its creation, before its arguments bound) */
  announced = false;
  /** the frame holds a reference to its function (released when it finishes) */
  holdsFunc = false;
  /** 3.10: how many caller stack entries (function + args) to drop when this frame returns */
  callerPop = 0;
  /** a constructor frame (__init__ called by the loop): on return push this instance instead */
  ctorInstance: PyObject | null = null;
  /** the hidden argument tuple/dict of the constructor call, released when this frame is gone */
  ctorTemps: CtorTemps | null = null;
  /** the frame object (created for tracebacks); it takes over the locals if it outlives the frame */
  frameObj: PyFrameObj | null = null;
  /** references the call held for the callee's duration (CALL_FUNCTION_EX's keyword array), dropped on return */
  extraRefs: PyObject[] | null = null;
  /** an __enter__ called by SETUP_WITH: on return the caller pushes the with-block (its handler) */
  withEnter = -1;
  /** the first frame of a thread other than the main one */
  threadBottom = false;
  /** an exception to raise when the frame resumes (generator.throw / close) */
  pendingThrow: PyException | null = null;
  /** the trace's holder of each fast local, made on first use (LOAD_FAST/STORE_FAST's hot path) */
  localHolders: (Holder | undefined)[] | null = null;
  /** a class body frame: the namespace dict to return */
  /** module and class bodies: the namespace LOAD_NAME/STORE_NAME use */
  localsDict: PyDict | null;
  constructor(
    public id: number,
    public code: CodeObject,
    public func: PyFunction | null,
    public globals: PyDict,
    public fast: (PyObject | null)[],
    public cells: PyCell[],
    localsDict: PyDict | null,
    public parent: Frame | null,
  ) {
    this.localsDict = localsDict;
  }

  get name(): string {
    return this.code.kind === 'module' ? '<module>' : this.code.name;
  }
}
