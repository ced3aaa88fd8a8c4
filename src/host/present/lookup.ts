// Which simulated object a name in the editor stands for: the object bound to it right after its line
// last ran (in the frame that ran it, then the module's globals), an attribute followed through
// `.attr` / `__dict__` references, or a parameter in the function's last call.
import type { FrameInfo, HeapState, LineSummary, ObjectInfo } from '../../engine/api';
import type { ObjId } from '../../engine/trace/events';
import { enclosingClass, functionBodyLines, statementLines, type NameAt, type ScannedSource } from './source';
import { stateAfterRun, type HostTimeline } from './timeline';
import { rootPath } from '../../engine/trace/paths';
import { mangle } from '../../engine/compile/mangle';

export type Lookup =
  | { kind: 'never-ran'; target: NameAt; line: number; /** for parameters: the function was never called */ func?: string }
  | { kind: 'unbound'; target: NameAt; line: number; step: number; hits: number; frame: string }
  /** a builtin (print, len, range...): owned by the interpreter, not bound in the program's frames */
  | { kind: 'builtin'; target: NameAt; line: number; step: number; hits: number; frame: string }
  /** `owner.attr` where the owner has no such reference (a method or class attribute looked up on use) */
  | { kind: 'not-stored'; target: NameAt; line: number; step: number; hits: number; frame: string; owner: string; attr: string }
  | { kind: 'object'; target: NameAt; obj: ObjectInfo; line: number; step: number; hits: number; frame: string; global: boolean; keptAliveBy?: string[] };

const BUILTIN_NAMES = new Set([
  'abs', 'all', 'any', 'ascii', 'bin', 'bool', 'breakpoint', 'bytearray', 'bytes', 'callable', 'chr', 'classmethod',
  'compile', 'complex', 'delattr', 'dict', 'dir', 'divmod', 'enumerate', 'eval', 'exec', 'filter', 'float', 'format',
  'frozenset', 'getattr', 'globals', 'hasattr', 'hash', 'help', 'hex', 'id', 'input', 'int', 'isinstance',
  'issubclass', 'iter', 'len', 'list', 'locals', 'map', 'max', 'memoryview', 'min', 'next', 'object', 'oct', 'open',
  'ord', 'pow', 'print', 'property', 'range', 'repr', 'reversed', 'round', 'set', 'setattr', 'slice', 'sorted',
  'staticmethod', 'str', 'sum', 'super', 'tuple', 'type', 'vars', 'zip', 'Exception', 'BaseException', 'ValueError',
  'TypeError', 'KeyError', 'IndexError', 'AttributeError', 'RuntimeError', 'StopIteration', 'NameError',
  'ZeroDivisionError', 'RecursionError', 'MemoryError', 'AssertionError', 'NotImplementedError', 'OverflowError',
]);

/** The line of `lines` that ran last (largest lastStep), with its summary. */
function lastRun(summaries: Map<number, LineSummary>, lines: number[]): LineSummary | undefined {
  let best: LineSummary | undefined;
  for (const l of lines) {
    const s = summaries.get(l);
    if (s && s.hits > 0 && (!best || s.lastStep > best.lastStep)) best = s;
  }
  return best;
}

export function findFrame(state: HeapState, id: number): FrameInfo | undefined {
  return state.frames.find((f) => f.id === id);
}

function moduleFrame(state: HeapState): FrameInfo | undefined {
  return state.frames.find((f) => f.id === 0) ?? state.frames.find((f) => f.parent === null);
}

/** The object bound to `name` in frame `frameId` (or the module's globals) in `state`. */
export function resolveName(state: HeapState, frameId: number, name: string): { obj: ObjId; frame: FrameInfo; global: boolean } | undefined {
  const frame = findFrame(state, frameId);
  const local = frame?.names.find((n) => n.name === name);
  if (frame && local) return { obj: local.obj, frame, global: frame.parent === null };
  const mod = moduleFrame(state);
  const g = mod?.names.find((n) => n.name === name);
  if (mod && g) return { obj: g.obj, frame: mod, global: true };
  return undefined;
}

function objectById(state: HeapState, id: ObjId): ObjectInfo | undefined {
  return state.objects.find((o) => o.id === id);
}

/** The object `owner.attr` refers to: a `.attr` reference of the owner, or a key of its __dict__. */
export function followAttribute(state: HeapState, owner: ObjId, attr: string): ObjId | undefined {
  const held = (holder: ObjId, label: string) =>
    state.objects.find((o) => o.referrers.some((r) => r.holder.kind === 'object' && r.holder.obj === holder && r.holder.label === label));
  const direct = held(owner, '.' + attr);
  if (direct) return direct.id;
  const dict = held(owner, '__dict__') ?? held(owner, '.__dict__');
  if (!dict) return undefined;
  const viaDict = held(dict.id, `['${attr}']`) ?? held(dict.id, `["${attr}"]`) ?? held(dict.id, '.' + attr);
  return viaDict?.id;
}

export function lookup(tl: HostTimeline, src: ScannedSource, target: NameAt): Lookup {
  const summaries = tl.lineSummaries();
  let lines: number[];
  if (target.kind === 'parameter' && target.func) lines = functionBodyLines(src, target.func.defLine);
  else lines = statementLines(src, target.line);
  const run = lastRun(summaries, lines);
  if (!run) {
    return target.kind === 'parameter' && target.func
      ? { kind: 'never-ran', target, line: target.line, func: target.func.name }
      : { kind: 'never-ran', target, line: target.line };
  }
  const step = run.lastStep;
  const { frame: frameId, firstEvent } = tl.stepInfo(step);
  const base = { target, line: run.line, step, hits: run.hits };
  // Right after the line's last run in its frame. If the frame returned at the end of that run (a
  // function's last line, a comprehension), also what its caller holds right after its own line
  // (`squares = [... for v in ...]`).
  const { state: after, end } = stateAfterRun(tl, firstEvent, frameId);
  const candidates: { state: HeapState; frame: number }[] = [{ state: after, frame: frameId }];
  const frameInfo = findFrame(after, frameId);
  if (end.returned && frameInfo && frameInfo.parent !== null) {
    const parentStart = lastLineEventOf(tl, frameInfo.parent, firstEvent);
    if (parentStart !== undefined) candidates.push({ state: stateAfterRun(tl, parentStart, frameInfo.parent).state, frame: frameInfo.parent });
  }
  const frameName = frameInfo?.name ?? '<module>';
  // names as CPython stores them: private names in a class body are mangled with the class's name
  const privateName = enclosingClass(src, target.line);
  const path = target.path.map((n) => mangle(privateName, n));
  const name = path[0]!;
  for (const { state, frame } of candidates) {
    const bound = resolveName(state, frame, name);
    if (!bound) continue;
    let id: ObjId | undefined = bound.obj;
    for (const attr of path.slice(1)) {
      const owner: ObjId = id;
      id = followAttribute(state, owner, attr);
      if (id === undefined) {
        const ownerObj = objectById(state, owner);
        if (!ownerObj) break;
        return { kind: 'not-stored', ...base, frame: frameName, owner: ownerObj.type, attr };
      }
    }
    const obj = id === undefined ? undefined : objectById(state, id);
    if (obj) {
      // objgraph's question: the shortest chain of references from a root that keeps it alive
      const chain = rootPath(state, obj.id);
      const keptAliveBy = chain && chain.length > 1 ? chain.map((r) => r.text) : undefined;
      return { kind: 'object', ...base, obj, frame: bound.frame.name, global: bound.global, keptAliveBy };
    }
  }
  if (target.path.length === 1 && BUILTIN_NAMES.has(name)) return { kind: 'builtin', ...base, frame: frameName };
  return { kind: 'unbound', ...base, frame: frameName };
}

/** The index of the last `line` event of `frame` before event `before` (where the caller's line began). */
function lastLineEventOf(tl: HostTimeline, frame: number, before: number): number | undefined {
  for (let i = before - 1; i >= 0; i--) {
    const e = tl.events.at(i)!;
    if (e.k === 'line' && e.frame === frame) return i;
  }
  return undefined;
}
