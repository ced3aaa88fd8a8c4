// Our own typed Python AST: a discriminated union on `kind`, modelled on CPython's ast module names.
// Nothing downstream of engine/parse ever sees a parser-library node; offsets are UTF-16 offsets into
// the source (line/column only at the edges, see parse/lines.ts).

export interface Span {
  start: number;
  end: number;
}

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- a named base for every node
interface NodeBase extends Span {}

// ---------------------------------------------------------------- expressions

export type Expr =
  | Name
  | Constant
  | JoinedStr
  | FormattedValue
  | ListExpr
  | TupleExpr
  | SetExpr
  | DictExpr
  | BinOp
  | UnaryOp
  | BoolOp
  | Compare
  | Call
  | Attribute
  | Subscript
  | Slice
  | Starred
  | Lambda
  | IfExp
  | ListComp
  | SetComp
  | DictComp
  | GeneratorExp
  | Yield
  | YieldFrom
  | NamedExpr
  | Await
  | UnsupportedExpr;

export interface Name extends NodeBase {
  kind: 'Name';
  id: string;
}

/** A literal. Ints are bigint so that `10**100` literals are exact; the compiler narrows them. */
export interface Constant extends NodeBase {
  kind: 'Constant';
  value: ConstantValue;
}
export type ConstantValue =
  | { type: 'int'; value: bigint }
  | { type: 'float'; value: number }
  | { type: 'complex'; imag: number }
  | { type: 'str'; value: string }
  | { type: 'bytes'; value: Uint8Array }
  | { type: 'bool'; value: boolean }
  | { type: 'None' }
  | { type: 'Ellipsis' };

/** f-string: values are Constant(str) pieces and FormattedValue pieces. */
export interface JoinedStr extends NodeBase {
  kind: 'JoinedStr';
  values: Expr[];
}
export interface FormattedValue extends NodeBase {
  kind: 'FormattedValue';
  value: Expr;
  /** -1 none, else 's' | 'r' | 'a' char code as in CPython */
  conversion: -1 | 115 | 114 | 97;
  formatSpec: JoinedStr | null;
}

export interface ListExpr extends NodeBase {
  kind: 'List';
  elts: Expr[];
}
export interface TupleExpr extends NodeBase {
  kind: 'Tuple';
  elts: Expr[];
  /** true when written with parentheses */
  parenthesized: boolean;
}
export interface SetExpr extends NodeBase {
  kind: 'Set';
  elts: Expr[];
}
/** `keys[i] === null` means `**values[i]` */
export interface DictExpr extends NodeBase {
  kind: 'Dict';
  keys: (Expr | null)[];
  values: Expr[];
}

export type BinOperator = '+' | '-' | '*' | '/' | '//' | '%' | '**' | '<<' | '>>' | '|' | '^' | '&' | '@';
export interface BinOp extends NodeBase {
  kind: 'BinOp';
  left: Expr;
  op: BinOperator;
  right: Expr;
}
export type UnaryOperator = 'not' | '-' | '+' | '~';
export interface UnaryOp extends NodeBase {
  kind: 'UnaryOp';
  op: UnaryOperator;
  operand: Expr;
}
export interface BoolOp extends NodeBase {
  kind: 'BoolOp';
  op: 'and' | 'or';
  values: Expr[];
}
export type CmpOperator = '==' | '!=' | '<' | '<=' | '>' | '>=' | 'is' | 'is not' | 'in' | 'not in';
export interface Compare extends NodeBase {
  kind: 'Compare';
  left: Expr;
  ops: CmpOperator[];
  comparators: Expr[];
}

export interface Keyword extends NodeBase {
  kind: 'keyword';
  /** null for `**kwargs` */
  arg: string | null;
  value: Expr;
}
export interface Call extends NodeBase {
  kind: 'Call';
  func: Expr;
  /** may contain Starred for `*args` */
  args: Expr[];
  keywords: Keyword[];
}
export interface Attribute extends NodeBase {
  kind: 'Attribute';
  value: Expr;
  attr: string;
  /** span of the attribute name alone (for hovers) */
  attrSpan: Span;
}
export interface Subscript extends NodeBase {
  kind: 'Subscript';
  value: Expr;
  /** a Slice, a Tuple (of indices/slices) or any expression */
  slice: Expr;
}
export interface Slice extends NodeBase {
  kind: 'Slice';
  lower: Expr | null;
  upper: Expr | null;
  step: Expr | null;
}
export interface Starred extends NodeBase {
  kind: 'Starred';
  value: Expr;
}
export interface Lambda extends NodeBase {
  kind: 'Lambda';
  args: Arguments;
  body: Expr;
}
export interface IfExp extends NodeBase {
  kind: 'IfExp';
  test: Expr;
  body: Expr;
  orelse: Expr;
}
export interface Comprehension extends NodeBase {
  kind: 'comprehension';
  target: Expr;
  iter: Expr;
  ifs: Expr[];
  isAsync: boolean;
}
export interface ListComp extends NodeBase {
  kind: 'ListComp';
  elt: Expr;
  generators: Comprehension[];
}
export interface SetComp extends NodeBase {
  kind: 'SetComp';
  elt: Expr;
  generators: Comprehension[];
}
export interface DictComp extends NodeBase {
  kind: 'DictComp';
  key: Expr;
  value: Expr;
  generators: Comprehension[];
}
export interface GeneratorExp extends NodeBase {
  kind: 'GeneratorExp';
  elt: Expr;
  generators: Comprehension[];
}
export interface Yield extends NodeBase {
  kind: 'Yield';
  value: Expr | null;
}
export interface YieldFrom extends NodeBase {
  kind: 'YieldFrom';
  value: Expr;
}
export interface NamedExpr extends NodeBase {
  kind: 'NamedExpr';
  target: Name;
  value: Expr;
}
export interface Await extends NodeBase {
  kind: 'Await';
  value: Expr;
}

/** An expression the engine does not simulate; evaluating it stops the simulation with a diagnostic. */
export interface UnsupportedExpr extends NodeBase {
  kind: 'UnsupportedExpr';
  construct: string;
}

// ---------------------------------------------------------------- statements

export type Stmt =
  | ExprStmt
  | Assign
  | AugAssign
  | AnnAssign
  | Delete
  | Pass
  | Break
  | Continue
  | Return
  | Raise
  | Global
  | Nonlocal
  | Assert
  | If
  | While
  | For
  | Try
  | With
  | FunctionDef
  | ClassDef
  | Import
  | ImportFrom
  | Unsupported;

export interface ExprStmt extends NodeBase {
  kind: 'Expr';
  value: Expr;
}
/** `a = b = value`: targets in source order */
export interface Assign extends NodeBase {
  kind: 'Assign';
  targets: Expr[];
  value: Expr;
}
export interface AugAssign extends NodeBase {
  kind: 'AugAssign';
  target: Name | Attribute | Subscript;
  op: BinOperator;
  value: Expr;
}
export interface AnnAssign extends NodeBase {
  kind: 'AnnAssign';
  target: Expr;
  annotation: Expr;
  value: Expr | null;
  simple: boolean;
}
export interface Delete extends NodeBase {
  kind: 'Delete';
  targets: Expr[];
}
export interface Pass extends NodeBase {
  kind: 'Pass';
}
export interface Break extends NodeBase {
  kind: 'Break';
}
export interface Continue extends NodeBase {
  kind: 'Continue';
}
export interface Return extends NodeBase {
  kind: 'Return';
  value: Expr | null;
}
export interface Raise extends NodeBase {
  kind: 'Raise';
  exc: Expr | null;
  cause: Expr | null;
}
export interface Global extends NodeBase {
  kind: 'Global';
  names: string[];
}
export interface Nonlocal extends NodeBase {
  kind: 'Nonlocal';
  names: string[];
}
export interface Assert extends NodeBase {
  kind: 'Assert';
  test: Expr;
  msg: Expr | null;
}
export interface If extends NodeBase {
  kind: 'If';
  test: Expr;
  body: Stmt[];
  orelse: Stmt[];
}
export interface While extends NodeBase {
  kind: 'While';
  test: Expr;
  body: Stmt[];
  orelse: Stmt[];
}
export interface For extends NodeBase {
  kind: 'For';
  target: Expr;
  iter: Expr;
  body: Stmt[];
  orelse: Stmt[];
  isAsync: boolean;
}
export interface ExceptHandler extends NodeBase {
  kind: 'ExceptHandler';
  type: Expr | null;
  name: string | null;
  nameSpan: Span | null;
  body: Stmt[];
}
export interface Try extends NodeBase {
  kind: 'Try';
  body: Stmt[];
  handlers: ExceptHandler[];
  orelse: Stmt[];
  finalbody: Stmt[];
}
export interface WithItem extends NodeBase {
  kind: 'withitem';
  contextExpr: Expr;
  optionalVars: Expr | null;
}
export interface With extends NodeBase {
  kind: 'With';
  items: WithItem[];
  body: Stmt[];
  isAsync: boolean;
}

export interface Arg extends NodeBase {
  kind: 'arg';
  arg: string;
  annotation: Expr | null;
}
/** Mirrors ast.arguments. `defaults` align with the last positional args; kwDefaults align with kwonlyargs (null = no default). */
export interface Arguments extends NodeBase {
  kind: 'arguments';
  posonlyargs: Arg[];
  args: Arg[];
  vararg: Arg | null;
  kwonlyargs: Arg[];
  kwDefaults: (Expr | null)[];
  kwarg: Arg | null;
  defaults: Expr[];
}
export interface FunctionDef extends NodeBase {
  kind: 'FunctionDef';
  name: string;
  nameSpan: Span;
  args: Arguments;
  body: Stmt[];
  decorators: Expr[];
  returns: Expr | null;
  isAsync: boolean;
}
export interface ClassDef extends NodeBase {
  kind: 'ClassDef';
  name: string;
  nameSpan: Span;
  bases: Expr[];
  keywords: Keyword[];
  body: Stmt[];
  decorators: Expr[];
}
export interface Alias extends NodeBase {
  kind: 'alias';
  /** dotted module name or imported name */
  name: string;
  asname: string | null;
}
export interface Import extends NodeBase {
  kind: 'Import';
  names: Alias[];
}
export interface ImportFrom extends NodeBase {
  kind: 'ImportFrom';
  module: string | null;
  names: Alias[];
  level: number;
}

/**
 * A statement the engine does not simulate (match, async def, type aliases, ...). Lowering keeps it
 * so that everything before it still runs; the compiler turns it into a stop-with-diagnostic.
 */
export interface Unsupported extends NodeBase {
  kind: 'Unsupported';
  /** what a user calls it, e.g. "`match` statements" */
  construct: string;
}

export interface Module extends NodeBase {
  kind: 'Module';
  body: Stmt[];
}

export type Node = Expr | Stmt | Module | Keyword | Comprehension | ExceptHandler | WithItem | Arg | Arguments | Alias;

/** Result of parsing: a module, or the first syntax error as CPython would report it. */
export type ParseResult =
  | { ok: true; module: Module }
  | { ok: false; error: SyntaxErrorInfo };

export interface SyntaxErrorInfo {
  /** e.g. "invalid syntax", "unexpected indent", "expected ':'" */
  message: string;
  span: Span;
  /** 'SyntaxError' | 'IndentationError' | 'TabError' */
  errorType: 'SyntaxError' | 'IndentationError' | 'TabError';
}
