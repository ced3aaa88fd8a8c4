// simulate(): parse, compile and run a program under one profile, and turn whatever happens (output,
// uncaught exception, syntax error, unsupported construct, exhausted budget, engine bug) into a
// SimulationResult. Never throws.
import {
  DEFAULT_BUDGETS, type Budgets, type EngineDiagnostic, type GcWhatIf, type HeapMap, type ObjectInfo, type SimulateOptions,
  type SimulationResult, type SimulationStatus,
} from './api';
import { Compiler } from './compile/compiler';
import { CompileErrorLike } from './compile/compile-expr';
import { F_DEAD, PyException, PyObject } from './objects/model';
import { parse } from './parse';
import { LineIndex } from './parse/lines';
import { getProfile } from './profiles';
import { EventLog } from './trace/log';
import { EventRecorder } from './trace/recorder';
import { PyRaise, SimStop } from './vm/errors';
import { Interpreter } from './vm/machine';

export function simulate(source: string, options: SimulateOptions): SimulationResult {
  const t0 = Date.now();
  const budgets: Budgets = { ...DEFAULT_BUDGETS, ...(options.budgets ?? {}) };
  const filename = options.filename ?? 'main.py';
  const lines = new LineIndex(source);
  const result: SimulationResult = {
    version: options.version,
    status: 'ok',
    stdout: '',
    stderr: '',
    diagnostics: [],
    events: new EventLog(),
    eventsTruncated: false,
    instructions: 0,
    wallTimeMs: 0,
    finalObjects: [],
  };
  const diag = (kind: EngineDiagnostic['kind'], message: string, start: number, end: number): void => {
    result.diagnostics.push({ kind, message, range: lines.range({ start, end: Math.max(end, start) }) });
  };
  const finish = (status: SimulationStatus): SimulationResult => {
    result.status = status;
    result.wallTimeMs = Date.now() - t0;
    return result;
  };

  const parsed = parse(source);
  if (!parsed.ok) {
    const e = parsed.error;
    const line = lines.position(e.span.start).line;
    result.stderr = syntaxErrorText(filename, source, lines, e.span.start, e.errorType, e.message);
    diag('syntax-error', `${e.errorType}: ${e.message} (line ${line})`, e.span.start, e.span.end);
    return finish('syntax-error');
  }
  const profile = getProfile(options.version);
  let code;
  try {
    code = Compiler.compileModule(parsed.module, profile, (off) => lines.position(off).line);
  } catch (e) {
    if (e instanceof CompileErrorLike) {
      result.stderr = syntaxErrorText(filename, source, lines, e.span.start, 'SyntaxError', e.message);
      diag('syntax-error', `SyntaxError: ${e.message} (line ${lines.position(e.span.start).line})`, e.span.start, e.span.end);
      return finish('syntax-error');
    }
    return internalError(result, e, finish);
  }

  const rec = new EventRecorder({ enabled: options.recordEvents ?? false, maxEvents: budgets.maxEvents });
  let vm: Interpreter;
  try {
    vm = new Interpreter(profile, rec, budgets, options.shouldCancel, filename);
    vm.program = { module: parsed.module, lineOf: (off) => lines.position(off).line };
    vm.sourceLines = source.split(/\r\n|\r|\n/);
  } catch (e) {
    return internalError(result, e, finish);
  }
  let status: SimulationStatus = 'ok';
  vm.gc.selfCheck = options.selfCheck ?? false;
  const whatIf = options.gcWhatIf;
  if (whatIf?.step !== undefined) vm.stopBeforeStep = whatIf.step + 1;
  let stoppedForWhatIf = false;
  try {
    try {
      vm.runModule(code);
    } catch (e) {
      if (e instanceof PyRaise) {
        status = handleUncaught(vm, e.exc, result, diag, lines);
      } else if (e instanceof SimStop && e.reason.kind === 'step-reached') {
        stoppedForWhatIf = true;
      } else throw e;
    }
    vm.stopBeforeStep = -1;
    result.heapMap = heapMapOf(vm);
    if (options.selfCheck) vm.gc.checkInvariants('at the end of the program');
    if (status === 'ok' && !stoppedForWhatIf) addCycleDiagnostics(vm, diag, lines);
    if (whatIf) {
      result.gcWhatIf = runWhatIf(vm, whatIf.generation ?? 2, rec);
    } else if (status === 'ok' || status === 'exception') {
      try {
        vm.shutdown();
      } catch (e) {
        if (!(e instanceof PyRaise)) throw e;
      }
    }
  } catch (e) {
    if (e instanceof SimStop) {
      const r = e.reason;
      if (r.kind === 'unsupported') {
        status = 'unsupported';
        // "`match` statements are", "`import json` (simulated modules: ...) is": a note in parentheses does not count
        const head = r.construct.replace(/\s*\(.*\)$/, '');
        const msg = `line ${r.line}: ${r.construct} ${/s$/.test(head) && !head.startsWith('`import') ? 'are' : 'is'} not simulated yet`;
        diag('unsupported', msg, r.span.start, r.span.end);
        result.stderr += `pymem: ${msg}\n`;
      } else if (r.kind === 'budget') {
        status = 'budget';
        const line = vm.curLine || 1;
        const off = lines.lineStart(line);
        diag('budget', `Simulation ${r.message}; results up to here are shown`, off, off + lines.lineText(line).length);
        result.stderr += `pymem: simulation ${r.message}\n`;
      } else status = 'cancelled';
    } else if (e instanceof RangeError) {
      status = 'budget';
      diag('budget', 'Simulation stopped: the program nests deeper than the simulator can follow', 0, 0);
      result.stderr += 'pymem: simulation stopped: nesting too deep\n';
    } else {
      return internalError(result, e, finish, vm);
    }
  }
  result.stdout = vm.stdout;
  result.stderr = vm.stderr + result.stderr;
  result.instructions = vm.steps;
  result.events = rec.events;
  result.eventsTruncated = rec.truncated;
  result.finalObjects = finalObjects(vm);
  return finish(status);
}

/** the allocator's picture, bounded (at most 256 arenas) */
function heapMapOf(vm: Interpreter): HeapMap {
  const s = vm.allocator.snapshot();
  return {
    arenaSize: s.arenaSize,
    poolSize: s.poolSize,
    arenas: s.arenas.slice(0, 256).map((a) => ({
      address: a.address,
      totalPools: a.totalPools,
      untouchedPools: a.untouchedPools,
      pools: a.pools.map((p) => ({ address: p.address, sizeClass: p.sizeClass, blockSize: p.blockSize, usedBlocks: p.usedBlocks, totalBlocks: p.totalBlocks, state: p.state })),
    })),
    arenasAllocatedTotal: s.arenasAllocatedTotal,
    arenasReclaimed: s.arenasReclaimed,
    rawBlocks: s.rawBlocks,
    rawBytes: s.rawBytes,
  };
}

/** "what would gc.collect() do now": collect in this (stopped) simulation, recording its phases */
function runWhatIf(vm: Interpreter, generation: number, rec: EventRecorder): GcWhatIf {
  const analysis = vm.gc.analyze(generation);
  const unreachable = analysis.unreachable.map((o) => objectInfo(vm, o));
  const finalizers = analysis.finalizers.map((o) => o.id);
  const firstEvent = rec.events.length;
  const before = vm.stdout.length;
  const step = Math.max(0, vm.stepNo - 1);
  let collected = 0;
  try {
    collected = vm.gc.collect(generation);
  } catch (e) {
    if (!(e instanceof PyRaise)) throw e;
  }
  return { step, generation, firstEvent, examined: analysis.examined, unreachable, finalizers, collected, output: vm.stdout.slice(before) };
}

/**
 * Diagnostics about cycles: lines whose objects were freed only by the cyclic GC during the run, and
 * objects still kept alive only by a cycle when the program ends (freed only if a collection runs).
 */
function addCycleDiagnostics(
  vm: Interpreter,
  diag: (kind: EngineDiagnostic['kind'], message: string, start: number, end: number) => void,
  lines: LineIndex,
): void {
  const byLine = new Map<number, Map<string, number>>();
  const note = (line: number, type: string): void => {
    if (line <= 0) return;
    let m = byLine.get(line);
    if (!m) byLine.set(line, (m = new Map()));
    m.set(type, (m.get(type) ?? 0) + 1);
  };
  for (const v of vm.gc.victims) note(v.line, v.type);
  const describe = (m: Map<string, number>): string => [...m].map(([t, n]) => `${n} ${t}${n > 1 ? 's' : ''}`).join(', ');
  for (const [line, m] of byLine) {
    const off = lines.lineStart(line);
    const n = [...m.values()].reduce((a, b) => a + b, 0);
    diag('cycle', `Freed only by the cyclic garbage collector: ${describe(m)} created here ${n === 1 ? 'was' : 'were'} part of a reference cycle`, off, off + lines.lineText(line).length);
  }
  const leftover = new Map<number, Map<string, number>>();
  for (const o of vm.gc.analyze(2).unreachable) {
    if (o.line <= 0) continue;
    let m = leftover.get(o.line);
    if (!m) leftover.set(o.line, (m = new Map()));
    const t = vm.typeName(o);
    m.set(t, (m.get(t) ?? 0) + 1);
  }
  for (const [line, m] of leftover) {
    const off = lines.lineStart(line);
    const n = [...m.values()].reduce((a, b) => a + b, 0);
    diag('cycle', `Kept alive only by a reference cycle when the program ends: ${describe(m)} created here (only the cyclic GC can free ${n === 1 ? 'it' : 'them'})`, off, off + lines.lineText(line).length);
  }
}

function handleUncaught(
  vm: Interpreter,
  exc: PyException,
  result: SimulationResult,
  diag: (kind: EngineDiagnostic['kind'], message: string, start: number, end: number) => void,
  lines: LineIndex,
): SimulationStatus {
  if (vm.isSubtype(exc.type, vm.T.SystemExit)) {
    const args = exc.args?.items ?? [];
    if (args.length && !vm.isNone(args[0]) && !(args[0].type === vm.T.int)) vm.stderrWrite(vm.str(args[0]) + '\n');
    return 'ok';
  }
  const text = vm.formatTraceback(exc);
  vm.stderrWrite(text);
  const tb = exc.tb ?? [];
  const line = tb.length ? tb[tb.length - 1].line : 1;
  const off = lines.lineStart(line);
  const last = text.trimEnd().split('\n').pop() ?? exc.type.name;
  diag('exception', `Uncaught ${last}`, off, off + lines.lineText(line).length);
  void result;
  return 'exception';
}

function internalError(result: SimulationResult, e: unknown, finish: (s: SimulationStatus) => SimulationResult, vm?: Interpreter): SimulationResult {
  const msg = e instanceof Error ? e.message : String(e);
  if (vm) {
    result.stdout = vm.stdout;
    result.instructions = vm.steps;
  }
  result.stderr += `pymem: internal error in the simulator (${msg}); please report it with the program\n`;
  result.diagnostics.push({ kind: 'internal-error', message: `Internal simulator error: ${msg}`, range: { startLine: 1, startCol: 0, endLine: 1, endCol: 0 } });
  return finish('internal-error');
}

function syntaxErrorText(filename: string, source: string, lines: LineIndex, offset: number, type: string, message: string): string {
  const pos = lines.position(offset);
  const text = lines.lineText(pos.line);
  const stripped = text.trimStart();
  const caret = Math.max(0, pos.col - (text.length - stripped.length));
  void source;
  return `  File "${filename}", line ${pos.line}\n    ${stripped.trimEnd()}\n    ${' '.repeat(caret)}^\n${type}: ${message}\n`;
}

function finalObjects(vm: Interpreter): ObjectInfo[] {
  const out: ObjectInfo[] = [];
  for (const o of vm.heap) {
    if (o.flags & F_DEAD) continue;
    out.push(objectInfo(vm, o));
    if (out.length >= 5000) break;
  }
  return out;
}

export function objectInfo(vm: Interpreter, o: PyObject): ObjectInfo {
  return {
    id: o.id,
    type: vm.typeName(o),
    size: vm.sizeof(o),
    refcount: o.rc,
    flags: vm.flagList(o) ?? [],
    line: o.line,
    repr: vm.shortRepr(o),
    length: vm.lengthOf(o),
    gcTracked: vm.isTracked(o),
    generation: o.gcTracked ? o.gen : undefined,
    referrers: [],
  };
}
