// The disassembler: code objects as text, in the spirit of `dis` -- for tests, for debugging the
// compiler, and for explaining what a line does.
import { constKey } from './builder';
import type { CodeObject, ConstValue } from './code';
import { BIN_OPS, CMP_OPS, JUMPS, Op, OP_NAMES, UNARY_OPS } from './opcodes';

const NO_ARG = new Set<number>([
  Op.NOP, Op.POP_TOP, Op.ROT_TWO, Op.ROT_THREE, Op.ROT_FOUR, Op.DUP_TOP, Op.DUP_TOP_TWO, Op.RETURN_VALUE,
  Op.YIELD_VALUE, Op.POP_BLOCK, Op.POP_EXCEPT, Op.RERAISE, Op.GET_ITER, Op.BINARY_SUBSCR, Op.STORE_SUBSCR,
  Op.DELETE_SUBSCR, Op.LOAD_BUILD_CLASS, Op.WITH_EXCEPT_START, Op.LOAD_ASSERTION_ERROR, Op.GET_YIELD_FROM_ITER,
  Op.YIELD_FROM, Op.LIST_TO_TUPLE, Op.IMPORT_STAR, Op.SETUP_ANNOTATIONS, Op.PRINT_EXPR,
]);

function constText(c: ConstValue): string {
  switch (c.t) {
    case 'int':
      return c.v.toString();
    case 'float':
      return String(c.v);
    case 'str':
      return JSON.stringify(c.v).replace(/^"|"$/g, "'");
    case 'bool':
      return c.v ? 'True' : 'False';
    case 'None':
      return 'None';
    case 'Ellipsis':
      return 'Ellipsis';
    case 'tuple':
      return c.items.length === 1 ? `(${constText(c.items[0])},)` : `(${c.items.map(constText).join(', ')})`;
    case 'code':
      return `<code ${c.code.qualname}>`;
  }
}

function argText(code: CodeObject, op: number, arg: number): string {
  switch (op) {
    case Op.LOAD_CONST:
      return constText(code.consts[arg]);
    case Op.LOAD_FAST:
    case Op.STORE_FAST:
    case Op.DELETE_FAST:
      return code.varnames[arg];
    case Op.LOAD_GLOBAL:
    case Op.STORE_GLOBAL:
    case Op.DELETE_GLOBAL:
    case Op.LOAD_NAME:
    case Op.STORE_NAME:
    case Op.DELETE_NAME:
    case Op.LOAD_ATTR:
    case Op.STORE_ATTR:
    case Op.DELETE_ATTR:
    case Op.LOAD_METHOD:
    case Op.IMPORT_NAME:
    case Op.IMPORT_FROM:
      return code.names[arg];
    case Op.LOAD_DEREF:
    case Op.STORE_DEREF:
    case Op.DELETE_DEREF:
    case Op.LOAD_CLOSURE:
    case Op.LOAD_CLASSDEREF:
      return arg < code.cellvars.length ? code.cellvars[arg] : code.freevars[arg - code.cellvars.length];
    case Op.BINARY_OP:
    case Op.INPLACE_OP:
      return BIN_OPS[arg];
    case Op.COMPARE_OP:
      return CMP_OPS[arg];
    case Op.UNARY_OP:
      return UNARY_OPS[arg];
    case Op.IS_OP:
      return arg ? 'is not' : 'is';
    case Op.CONTAINS_OP:
      return arg ? 'not in' : 'in';
    case Op.CALL_METHOD:
      return arg & 0x10000 ? `${arg & 0xffff} (with keywords)` : String(arg);
    case Op.STOP_UNSUPPORTED:
      return code.unsupported[arg]?.construct ?? String(arg);
    default:
      return JUMPS.has(op) ? `to ${arg}` : String(arg);
  }
}

/** One line per instruction: `line  index  NAME  arg (meaning)`; nested code objects follow. */
export function disassemble(code: CodeObject, nested = true): string {
  const out: string[] = [`Disassembly of ${code.qualname} (${code.kind}):`];
  let lastLine = -1;
  for (let i = 0; i < code.code.length / 2; i++) {
    const op = code.code[i * 2];
    const arg = code.code[i * 2 + 1];
    const line = code.lines[i];
    const ln = line !== lastLine ? String(line).padStart(4) : '    ';
    lastLine = line;
    const name = OP_NAMES[op] ?? `OP_${op}`;
    const hasArg = !NO_ARG.has(op);
    out.push(`${ln} ${String(i).padStart(4)} ${name}${hasArg ? ' '.repeat(Math.max(1, 22 - name.length)) + argText(code, op, arg) : ''}`.trimEnd());
  }
  if (nested)
    for (const c of code.consts)
      if (c.t === 'code') {
        out.push('');
        out.push(disassemble(c.code));
      }
  void constKey;
  return out.join('\n');
}
