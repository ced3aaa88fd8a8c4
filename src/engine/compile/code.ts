// Code objects: what the compiler produces for a module, a function, a class body or a comprehension.
// Like clox's Chunk plus CPython's co_* fields: instructions, a line per instruction, constants, names.
import type { PyObject } from '../objects/model';
import type { Span } from '../parse/ast';

export const CO_GENERATOR = 1;
export const CO_VARARGS = 2;
export const CO_VARKEYWORDS = 4;
export const CO_NESTED = 8;
export const CO_COMPREHENSION = 16;

/** A constant before it becomes an object: the compiler keeps values, the VM materializes them. */
export type ConstValue =
  | { t: 'int'; v: bigint }
  | { t: 'float'; v: number }
  | { t: 'str'; v: string }
  | { t: 'bool'; v: boolean }
  | { t: 'None' }
  | { t: 'Ellipsis' }
  | { t: 'tuple'; items: ConstValue[] }
  | { t: 'code'; code: CodeObject };

export interface CodeObject {
  name: string;
  qualname: string;
  /** 'module' | 'function' | 'class' | 'lambda' | 'comprehension' | 'genexpr' */
  kind: 'module' | 'function' | 'class' | 'lambda' | 'comprehension' | 'genexpr';
  flags: number;
  argcount: number;
  posonlyargcount: number;
  kwonlyargcount: number;
  /** fast locals: parameters first */
  varnames: string[];
  /** names referenced by nested scopes (cells), stored after varnames */
  cellvars: string[];
  /** names from enclosing scopes (free variables) */
  freevars: string[];
  /** global / attribute / LOAD_NAME names */
  names: string[];
  consts: ConstValue[];
  /** interned constant objects once the VM materialized them (co_consts) */
  constObjs: PyObject[] | null;
  /** instructions: [op, arg, op, arg, ...] */
  code: number[];
  /** source line per instruction (index = instruction number = pc/2) */
  lines: number[];
  /** source span per instruction, for diagnostics (unsupported constructs) */
  spans: (Span | null)[];
  firstLine: number;
  /** index in consts of the function's docstring (func.__doc__), when it has one */
  docConst?: number;
  /** co_firstlineno when it differs from firstLine (a decorated function: its first decorator's line) */
  coFirstLineno?: number;
  /** messages for STOP_UNSUPPORTED (index = its arg) */
  unsupported: { construct: string; span: Span; line: number }[];
  /** per cell: index of the parameter it is initialized from, or -1 */
  cell2arg: number[];
  /** dict keys of `names` (the engine's str key form), filled by the builder */
  nameKeys: string[];
  /** CPython's co_stacksize for this code (3.11+, functions and comprehensions; compile/stacksize.ts) */
  cpyStackSize?: number;
  /** 3.12+: variables of comprehensions CPython inlines into this code (frame slots we do not have) */
  cpyInlinedLocals?: Set<string>;
  /** engine-provided Python code (module preludes): no line events, allocation sites stay the caller's */
  internal?: boolean;
}
