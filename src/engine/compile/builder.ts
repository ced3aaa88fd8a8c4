// CodeBuilder: emits instructions for one code object, with labels, a line per instruction and a
// deduplicated constant pool (CPython merges equal constants of a compilation unit the same way).
import type { Span } from '../parse/ast';
import { type CodeObject, type ConstValue } from './code';
import { JUMPS } from './opcodes';
import { mangle } from './mangle';

export function constKey(c: ConstValue): string {
  switch (c.t) {
    case 'int':
      return 'i' + c.v.toString();
    case 'float':
      return Object.is(c.v, -0) ? 'f-0' : 'f' + String(c.v);
    case 'str':
      return 's' + c.v;
    case 'bool':
      return c.v ? 'T' : 'F';
    case 'None':
      return 'N';
    case 'Ellipsis':
      return 'E';
    case 'tuple':
      return '(' + c.items.map(constKey).join(',') + ')';
    case 'code':
      return 'c' + codeSerial(c.code);
  }
}

const serials = new WeakMap<CodeObject, number>();
let nextSerial = 1;
function codeSerial(c: CodeObject): number {
  let s = serials.get(c);
  if (s === undefined) {
    s = nextSerial++;
    serials.set(c, s);
  }
  return s;
}

export class Label {
  target = -1;
  refs: number[] = [];
}

export class CodeBuilder {
  readonly code: CodeObject;
  private constIndex = new Map<string, number>();
  private nameIndex = new Map<string, number>();
  line = 1;
  span: Span | null = null;
  /** the class name that mangles this unit's names (CPython's u_private); set by the compiler */
  private: string | null = null;

  constructor(init: Pick<CodeObject, 'name' | 'qualname' | 'kind' | 'firstLine'>) {
    this.code = {
      ...init,
      flags: 0,
      argcount: 0,
      posonlyargcount: 0,
      kwonlyargcount: 0,
      varnames: [],
      cellvars: [],
      freevars: [],
      names: [],
      nameKeys: [],
      consts: [],
      constObjs: null,
      code: [],
      lines: [],
      spans: [],
      unsupported: [],
      cell2arg: [],
    };
  }

  /** current instruction index */
  get here(): number {
    return this.code.code.length >> 1;
  }

  emit(op: number, arg = 0): number {
    const at = this.here;
    this.code.code.push(op, arg);
    this.code.lines.push(this.line);
    this.code.spans.push(this.span);
    return at;
  }

  emitJump(op: number, label: Label): void {
    if (!JUMPS.has(op)) throw new Error('not a jump op');
    const at = this.emit(op, label.target);
    if (label.target < 0) label.refs.push(at);
  }

  bind(label: Label): void {
    label.target = this.here;
    for (const at of label.refs) this.code.code[at * 2 + 1] = label.target;
    label.refs = [];
  }

  addConst(c: ConstValue): number {
    const k = constKey(c);
    let i = this.constIndex.get(k);
    if (i === undefined) {
      i = this.code.consts.length;
      this.code.consts.push(c);
      this.constIndex.set(k, i);
    }
    return i;
  }

  /** index of `n` in co_names, mangled as compiler_addop_name does (`raw`: as given, for ADDOP_N) */
  addName(n: string, raw = false): number {
    if (!raw) n = mangle(this.private, n);
    let i = this.nameIndex.get(n);
    if (i === undefined) {
      i = this.code.names.length;
      this.code.names.push(n);
      this.code.nameKeys.push('s' + n);
      this.nameIndex.set(n, i);
    }
    return i;
  }

  varIndex(n: string): number {
    let i = this.code.varnames.indexOf(n);
    if (i < 0) {
      i = this.code.varnames.length;
      this.code.varnames.push(n);
    }
    return i;
  }

  /** index in the cell+free area (cells first, then frees) */
  derefIndex(n: string): number {
    const c = this.code.cellvars.indexOf(n);
    if (c >= 0) return c;
    const f = this.code.freevars.indexOf(n);
    if (f >= 0) return this.code.cellvars.length + f;
    throw new Error('no cell for ' + n);
  }
}
