// The instruction set. Names follow CPython's dis module (3.10/3.11 flavour) so that a reader who knows
// `dis` recognizes them; stack effects and reference behaviour match CPython's, which is what matters.

export const Op = {
  NOP: 0,
  POP_TOP: 1,
  ROT_TWO: 2,
  ROT_THREE: 3,
  DUP_TOP: 4,
  DUP_TOP_TWO: 5,
  ROT_FOUR: 6,
  LOAD_CONST: 10,
  LOAD_FAST: 11,
  STORE_FAST: 12,
  DELETE_FAST: 13,
  LOAD_GLOBAL: 14,
  STORE_GLOBAL: 15,
  DELETE_GLOBAL: 16,
  LOAD_NAME: 17,
  STORE_NAME: 18,
  DELETE_NAME: 19,
  LOAD_DEREF: 20,
  STORE_DEREF: 21,
  DELETE_DEREF: 22,
  LOAD_CLOSURE: 23,
  LOAD_CLASSDEREF: 24,
  LOAD_ATTR: 30,
  STORE_ATTR: 31,
  DELETE_ATTR: 32,
  LOAD_METHOD: 33,
  CALL_METHOD: 34,
  BINARY_SUBSCR: 40,
  STORE_SUBSCR: 41,
  DELETE_SUBSCR: 42,
  BINARY_OP: 43, // arg: index into BIN_OPS
  INPLACE_OP: 44, // arg: index into BIN_OPS
  UNARY_OP: 45, // arg: 0 not, 1 -, 2 +, 3 ~
  COMPARE_OP: 46, // arg: index into CMP_OPS (<, <=, ==, !=, >, >=)
  IS_OP: 47, // arg 1 = is not
  CONTAINS_OP: 48, // arg 1 = not in
  JUMP: 50,
  POP_JUMP_IF_FALSE: 51,
  POP_JUMP_IF_TRUE: 52,
  JUMP_IF_FALSE_OR_POP: 53,
  JUMP_IF_TRUE_OR_POP: 54,
  GET_ITER: 55,
  FOR_ITER: 56,
  BUILD_LIST: 60,
  BUILD_TUPLE: 61,
  BUILD_MAP: 62,
  BUILD_SET: 63,
  BUILD_CONST_KEY_MAP: 64,
  LIST_APPEND: 65,
  SET_ADD: 66,
  MAP_ADD: 67,
  LIST_EXTEND: 68,
  SET_UPDATE: 69,
  DICT_UPDATE: 70,
  DICT_MERGE: 71,
  LIST_TO_TUPLE: 72,
  BUILD_SLICE: 73,
  UNPACK_SEQUENCE: 74,
  UNPACK_EX: 75,
  BUILD_STRING: 76,
  FORMAT_VALUE: 77, // arg: conversion (0 none, 1 s, 2 r, 3 a) | 4 if a spec is on the stack
  CALL_FUNCTION: 80, // arg: positional count
  CALL_FUNCTION_KW: 81, // arg: total count; TOS is a tuple of keyword names
  CALL_FUNCTION_EX: 82, // arg: 1 if kwargs dict present
  MAKE_FUNCTION: 83, // arg flags: 1 defaults, 2 kwdefaults, 8 closure
  RETURN_VALUE: 84,
  YIELD_VALUE: 85,
  GET_YIELD_FROM_ITER: 86,
  YIELD_FROM: 87,
  LOAD_BUILD_CLASS: 88,
  RAISE_VARARGS: 90,
  SETUP_FINALLY: 91, // arg: handler target; pushes a block
  POP_BLOCK: 92,
  POP_EXCEPT: 93,
  RERAISE: 94,
  JUMP_IF_NOT_EXC_MATCH: 95,
  SETUP_WITH: 96, // arg: handler target
  WITH_EXCEPT_START: 97,
  LOAD_ASSERTION_ERROR: 98,
  IMPORT_NAME: 100,
  IMPORT_FROM: 101,
  IMPORT_STAR: 102,
  STOP_UNSUPPORTED: 110, // arg: index into code.unsupported
  SETUP_ANNOTATIONS: 111,
  PRINT_EXPR: 112,
  LOAD_LOCALS_CLASSCELL: 113,
  DELETE_EXC_NAME: 114, // arg: how the name is stored (same as STORE) -- `except E as e:` cleanup
} as const;

export type OpCode = (typeof Op)[keyof typeof Op];

export const OP_NAMES: Record<number, string> = Object.fromEntries(Object.entries(Op).map(([k, v]) => [v, k]));

export const BIN_OPS = ['+', '-', '*', '/', '//', '%', '**', '<<', '>>', '|', '^', '&', '@'] as const;
export type BinOpName = (typeof BIN_OPS)[number];
export const CMP_OPS = ['<', '<=', '==', '!=', '>', '>='] as const;
export type CmpOpName = (typeof CMP_OPS)[number];
export const UNARY_OPS = ['not', '-', '+', '~'] as const;

/** Instructions whose argument is a jump target (an instruction index). */
export const JUMPS = new Set<number>([
  Op.JUMP, Op.POP_JUMP_IF_FALSE, Op.POP_JUMP_IF_TRUE, Op.JUMP_IF_FALSE_OR_POP, Op.JUMP_IF_TRUE_OR_POP,
  Op.FOR_ITER, Op.SETUP_FINALLY, Op.JUMP_IF_NOT_EXC_MATCH, Op.SETUP_WITH,
]);
