// A compact S-expression dump of our AST, for tests and debugging:
//   (Assign targets=[(Name x)] value=(BinOp (Constant 1) + (Constant 2)))
// Fields are written `name=value` in declaration order; null, false and empty lists are left out;
// a few frequent nodes have a shorter form. `spans: true` appends `@start-end` to every node.
import type { ConstantValue, Node } from './ast';

export interface DumpOptions {
  /** appends `@start-end` offsets to every node */
  spans?: boolean;
  /** custom position text for a node (e.g. line:col via LineIndex); null leaves it out */
  position?: (n: Node) => string | null;
}

/** field order per node kind, as declared in ast.ts (the dump must not depend on object key order) */
export const FIELDS: Record<string, readonly string[]> = {
  Name: ['id'],
  Constant: ['value'],
  BinOp: ['left', 'op', 'right'],
  UnaryOp: ['op', 'operand'],
  BoolOp: ['op', 'values'],
  Compare: ['left', 'ops', 'comparators'],
  Attribute: ['value', 'attr'],
  arg: ['arg', 'annotation'],
  alias: ['name', 'asname'],
  JoinedStr: ['values'],
  FormattedValue: ['value', 'conversion', 'formatSpec'],
  List: ['elts'],
  Tuple: ['elts', 'parenthesized'],
  Set: ['elts'],
  Dict: ['keys', 'values'],
  keyword: ['arg', 'value'],
  Call: ['func', 'args', 'keywords'],
  Subscript: ['value', 'slice'],
  Slice: ['lower', 'upper', 'step'],
  Starred: ['value'],
  Lambda: ['args', 'body'],
  IfExp: ['test', 'body', 'orelse'],
  comprehension: ['target', 'iter', 'ifs', 'isAsync'],
  ListComp: ['elt', 'generators'],
  SetComp: ['elt', 'generators'],
  DictComp: ['key', 'value', 'generators'],
  GeneratorExp: ['elt', 'generators'],
  Yield: ['value'],
  YieldFrom: ['value'],
  NamedExpr: ['target', 'value'],
  Await: ['value'],
  UnsupportedExpr: ['construct'],
  Expr: ['value'],
  Assign: ['targets', 'value'],
  AugAssign: ['target', 'op', 'value'],
  AnnAssign: ['target', 'annotation', 'value', 'simple'],
  Delete: ['targets'],
  Pass: [],
  Break: [],
  Continue: [],
  Return: ['value'],
  Raise: ['exc', 'cause'],
  Global: ['names'],
  Nonlocal: ['names'],
  Assert: ['test', 'msg'],
  If: ['test', 'body', 'orelse'],
  While: ['test', 'body', 'orelse'],
  For: ['target', 'iter', 'body', 'orelse', 'isAsync'],
  ExceptHandler: ['type', 'name', 'body'],
  Try: ['body', 'handlers', 'orelse', 'finalbody'],
  withitem: ['contextExpr', 'optionalVars'],
  With: ['items', 'body', 'isAsync'],
  arguments: ['posonlyargs', 'args', 'vararg', 'kwonlyargs', 'kwDefaults', 'kwarg', 'defaults'],
  FunctionDef: ['name', 'args', 'body', 'decorators', 'returns', 'isAsync'],
  ClassDef: ['name', 'bases', 'keywords', 'body', 'decorators'],
  Import: ['names'],
  ImportFrom: ['module', 'names', 'level'],
  Unsupported: ['construct'],
  Module: ['body'],
};

export function dumpAst(node: Node | Node[], options: DumpOptions = {}): string {
  if (Array.isArray(node)) return node.map((n) => dumpAst(n, options)).join('\n');
  return dump(node, options);
}

function dump(n: Node, o: DumpOptions): string {
  const pos = o.position ? o.position(n) : o.spans ? `${n.start}-${n.end}` : null;
  const at = pos === null ? '' : `@${pos}`;
  switch (n.kind) {
    case 'Name':
      return `(Name ${n.id}${at})`;
    case 'Constant':
      return `(Constant ${constant(n.value)}${at})`;
    case 'arg':
      return n.annotation ? `(arg ${n.arg} ${dump(n.annotation, o)}${at})` : `(arg ${n.arg}${at})`;
    case 'alias':
      return `(alias ${n.name}${n.asname ? ` as ${n.asname}` : ''}${at})`;
    case 'BinOp':
      return `(BinOp ${dump(n.left, o)} ${n.op} ${dump(n.right, o)}${at})`;
    case 'UnaryOp':
      return `(UnaryOp ${n.op} ${dump(n.operand, o)}${at})`;
    case 'BoolOp':
      return `(BoolOp ${n.op} ${n.values.map((v) => dump(v, o)).join(' ')}${at})`;
    case 'Compare': {
      const parts = n.ops.map((op, i) => `${op} ${dump(n.comparators[i], o)}`);
      return `(Compare ${dump(n.left, o)} ${parts.join(' ')}${at})`;
    }
    case 'Attribute':
      return `(Attribute ${dump(n.value, o)} .${n.attr}${at})`;
    default:
      break;
  }
  const fields: string[] = [];
  const rec = n as unknown as Record<string, unknown>;
  for (const k of FIELDS[n.kind] ?? []) {
    const s = value(rec[k], o);
    if (s !== null) fields.push(`${k}=${s}`);
  }
  return `(${n.kind}${fields.length ? ' ' + fields.join(' ') : ''}${at})`;
}

function value(v: unknown, o: DumpOptions): string | null {
  if (v === null || v === undefined || v === false) return null;
  if (v === true) return 'true';
  if (typeof v === 'string') return /^[\w.*]+$/.test(v) ? v : JSON.stringify(v);
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) {
    if (v.length === 0) return null;
    return `[${v.map((x) => value(x, o) ?? 'null').join(' ')}]`;
  }
  if (typeof v === 'object' && 'kind' in (v as object)) return dump(v as Node, o);
  return JSON.stringify(v);
}

/** Python-repr-like text of a constant */
export function constant(v: ConstantValue): string {
  switch (v.type) {
    case 'int':
      return v.value.toString();
    case 'float':
      return floatRepr(v.value);
    case 'complex':
      return `${floatRepr(v.imag).replace(/\.0$/, '')}j`;
    case 'str':
      return JSON.stringify(v.value);
    case 'bytes':
      return 'b' + JSON.stringify(Array.from(v.value, (b) => String.fromCharCode(b)).join(''));
    case 'bool':
      return v.value ? 'True' : 'False';
    case 'None':
      return 'None';
    case 'Ellipsis':
      return 'Ellipsis';
  }
}

/** Python's float repr: shortest round-trip digits, exponent form below 1e-4 and from 1e16 */
export function floatRepr(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const [mant, expText] = x.toExponential().split('e');
  const exp = Number(expText);
  const neg = mant.startsWith('-');
  const digits = mant.replace('-', '').replace('.', '');
  let out: string;
  if (exp < -4 || exp >= 16) {
    const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    out = `${m}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  } else if (exp < 0) {
    out = `0.${'0'.repeat(-exp - 1)}${digits}`;
  } else if (digits.length > exp + 1) {
    out = `${digits.slice(0, exp + 1)}.${digits.slice(exp + 1)}`;
  } else {
    out = `${digits}${'0'.repeat(exp + 1 - digits.length)}.0`;
  }
  return neg ? '-' + out : out;
}
