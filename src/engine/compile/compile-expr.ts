// Expression compilation, name access and function objects; the base of Compiler (compiler.ts).
import type * as A from '../parse/ast';
import type { Profile } from '../profiles';
import { CodeBuilder, Label } from './builder';
import { CO_GENERATOR, CO_NESTED, type CodeObject, type ConstValue } from './code';
import { foldConst } from './fold';
import { cpythonStackSize } from './stacksize';
import { BIN_OPS, CMP_OPS, Op } from './opcodes';
import type { Scope } from './symtable';
import type { Compiler } from './compiler';

export abstract class ExprCompiler {
  qualPrefix = '';
  constructor(
    public profile: Profile,
    public scopeOf: Map<A.Node, Scope>,
    public b: CodeBuilder,
    public scope: Scope,
    public lineOf: (off: number) => number,
  ) {
    b.private = scope.private;
  }

  protected abstract nested(b: CodeBuilder, scope: Scope): Compiler;

  /** free variables of a nested scope (the size of its closure tuple) */
  readonly freesOf = (n: A.Node): number => this.scopeOf.get(n)?.frees.size ?? 0;
  abstract compileFunctionBody(node: A.Node, scope: Scope, name: string, args: A.Arguments, body: (c: Compiler) => void): CodeObject;
  abstract lastLine(n: A.Node): number;

  setLoc(n: A.Span): void {
    this.b.line = this.lineOf(n.start);
    this.b.span = { start: n.start, end: n.end };
  }

  qualname(name: string): string {
    return this.qualPrefix ? `${this.qualPrefix}.${name}` : name;
  }

  unsupported(construct: string, span: A.Span): void {
    const code = this.b.code;
    code.unsupported.push({ construct, span: { start: span.start, end: span.end }, line: this.lineOf(span.start) });
    this.setLoc(span);
    this.b.emit(Op.STOP_UNSUPPORTED, code.unsupported.length - 1);
  }

  binOpIndex(op: A.BinOperator): number {
    return BIN_OPS.indexOf(op);
  }

  // ------------------------------------------------------------ names

  load(name: string): void {
    const b = this.b;
    name = this.scope.mangle(name);
    switch (this.scope.resolve(name)) {
      case 'fast':
        b.emit(Op.LOAD_FAST, b.varIndex(name));
        return;
      case 'cell':
      case 'free':
        b.emit(this.scope.kind === 'class' ? Op.LOAD_CLASSDEREF : Op.LOAD_DEREF, b.derefIndex(name));
        return;
      case 'global':
        b.emit(Op.LOAD_GLOBAL, b.addName(name));
        return;
      case 'name':
        b.emit(Op.LOAD_NAME, b.addName(name));
        return;
    }
  }

  storeName(name: string): void {
    const b = this.b;
    name = this.scope.mangle(name);
    switch (this.scope.resolve(name)) {
      case 'fast':
        b.emit(Op.STORE_FAST, b.varIndex(name));
        return;
      case 'cell':
      case 'free':
        b.emit(Op.STORE_DEREF, b.derefIndex(name));
        return;
      case 'global':
        b.emit(Op.STORE_GLOBAL, b.addName(name));
        return;
      case 'name':
        b.emit(Op.STORE_NAME, b.addName(name));
        return;
    }
  }

  delName(name: string): void {
    const b = this.b;
    name = this.scope.mangle(name);
    switch (this.scope.resolve(name)) {
      case 'fast':
        b.emit(Op.DELETE_FAST, b.varIndex(name));
        return;
      case 'cell':
      case 'free':
        b.emit(Op.DELETE_DEREF, b.derefIndex(name));
        return;
      case 'global':
        b.emit(Op.DELETE_GLOBAL, b.addName(name));
        return;
      case 'name':
        b.emit(Op.DELETE_NAME, b.addName(name));
        return;
    }
  }

  store(t: A.Expr): void {
    const b = this.b;
    switch (t.kind) {
      case 'Name':
        return this.storeName(t.id);
      case 'Attribute':
        this.expr(t.value);
        b.emit(Op.STORE_ATTR, b.addName(t.attr));
        return;
      case 'Subscript':
        this.expr(t.value);
        this.subscriptIndex(t.slice);
        b.emit(Op.STORE_SUBSCR);
        return;
      case 'Tuple':
      case 'List': {
        const star = t.elts.findIndex((e) => e.kind === 'Starred');
        if (star >= 0) b.emit(Op.UNPACK_EX, star | ((t.elts.length - star - 1) << 8));
        else b.emit(Op.UNPACK_SEQUENCE, t.elts.length);
        for (const e of t.elts) this.store(e.kind === 'Starred' ? e.value : e);
        return;
      }
      case 'Starred':
        return this.store(t.value);
      default:
        throw new CompileErrorLike(`cannot assign to ${describe(t)}`, t);
    }
  }

  del(t: A.Expr): void {
    const b = this.b;
    this.setLoc(t);
    switch (t.kind) {
      case 'Name':
        return this.delName(t.id);
      case 'Attribute':
        this.expr(t.value);
        b.emit(Op.DELETE_ATTR, b.addName(t.attr));
        return;
      case 'Subscript':
        this.expr(t.value);
        this.subscriptIndex(t.slice);
        b.emit(Op.DELETE_SUBSCR);
        return;
      case 'Tuple':
      case 'List':
        t.elts.forEach((e) => this.del(e));
        return;
      default:
        throw new CompileErrorLike(`cannot delete ${describe(t)}`, t);
    }
  }

  // ------------------------------------------------------------ expressions

  const(c: ConstValue): void {
    this.b.emit(Op.LOAD_CONST, this.b.addConst(c));
  }

  expr(e: A.Expr): void {
    const b = this.b;
    const folded = e.kind === 'Constant' || e.kind === 'BinOp' || e.kind === 'UnaryOp' || e.kind === 'Tuple' ? foldConst(e) : null;
    if (folded) {
      this.setLoc(e);
      return this.const(folded);
    }
    switch (e.kind) {
      case 'Name':
        this.setLoc(e);
        return this.load(e.id);
      case 'Constant':
        this.setLoc(e);
        return this.unsupported(e.value.type === 'bytes' ? 'bytes literals' : 'complex numbers', e);
      case 'JoinedStr':
        return this.joinedStr(e);
      case 'FormattedValue':
        return this.formattedValue(e);
      case 'List':
        return this.sequence(e.elts, 'list', e);
      case 'Tuple':
        return this.sequence(e.elts, 'tuple', e);
      case 'Set':
        return this.sequence(e.elts, 'set', e);
      case 'Dict':
        return this.dict(e);
      case 'BinOp':
        this.expr(e.left);
        this.expr(e.right);
        this.setLoc(e);
        b.emit(Op.BINARY_OP, this.binOpIndex(e.op));
        return;
      case 'UnaryOp':
        this.expr(e.operand);
        this.setLoc(e);
        b.emit(Op.UNARY_OP, ['not', '-', '+', '~'].indexOf(e.op));
        return;
      case 'BoolOp': {
        const end = new Label();
        e.values.forEach((v, i) => {
          this.expr(v);
          if (i < e.values.length - 1) b.emitJump(e.op === 'and' ? Op.JUMP_IF_FALSE_OR_POP : Op.JUMP_IF_TRUE_OR_POP, end);
        });
        b.bind(end);
        return;
      }
      case 'Compare':
        return this.compare(e);
      case 'Call':
        return this.call(e);
      case 'Attribute':
        this.expr(e.value);
        this.setLoc(e);
        b.emit(Op.LOAD_ATTR, b.addName(e.attr));
        return;
      case 'Subscript':
        this.expr(e.value);
        this.subscriptIndex(e.slice);
        this.setLoc(e);
        b.emit(Op.BINARY_SUBSCR);
        return;
      case 'Slice':
        return this.slice(e);
      case 'Starred':
        throw new CompileErrorLike("can't use starred expression here", e);
      case 'Lambda': {
        const scope = this.scopeOf.get(e)!;
        this.setLoc(e);
        const code = this.compileFunctionBody(e, scope, '<lambda>', e.args, (c) => {
          c.expr(e.body);
          if (scope.isGenerator) {
            c.b.emit(Op.POP_TOP);
            c.const({ t: 'None' });
          }
          c.b.emit(Op.RETURN_VALUE);
        });
        this.setLoc(e);
        this.makeFunction(code, e.args, scope);
        return;
      }
      case 'IfExp': {
        const orelse = new Label();
        const end = new Label();
        this.condJump(e.test, false, orelse);
        this.expr(e.body);
        b.emitJump(Op.JUMP, end);
        b.bind(orelse);
        this.expr(e.orelse);
        b.bind(end);
        return;
      }
      case 'ListComp':
      case 'SetComp':
      case 'DictComp':
      case 'GeneratorExp':
        return this.comprehension(e);
      case 'Yield':
        if (this.scope.kind === 'module' || this.scope.kind === 'class') throw new CompileErrorLike("'yield' outside function", e);
        if (e.value) this.expr(e.value);
        else this.const({ t: 'None' });
        this.setLoc(e);
        b.emit(Op.YIELD_VALUE);
        return;
      case 'YieldFrom':
        if (this.scope.kind === 'module' || this.scope.kind === 'class') throw new CompileErrorLike("'yield' outside function", e);
        this.expr(e.value);
        this.setLoc(e);
        b.emit(Op.GET_YIELD_FROM_ITER);
        this.const({ t: 'None' });
        b.emit(Op.YIELD_FROM);
        return;
      case 'NamedExpr':
        this.expr(e.value);
        b.emit(Op.DUP_TOP);
        this.storeName(e.target.id);
        return;
      case 'Await':
        return this.unsupported('`await` expressions', e);
      case 'UnsupportedExpr':
        return this.unsupported(e.construct, e);
    }
  }

  subscriptIndex(s: A.Expr): void {
    if (s.kind === 'Slice') this.slice(s);
    else this.expr(s);
  }

  private slice(e: A.Slice): void {
    if (e.lower) this.expr(e.lower);
    else this.const({ t: 'None' });
    if (e.upper) this.expr(e.upper);
    else this.const({ t: 'None' });
    if (e.step) this.expr(e.step);
    this.b.emit(Op.BUILD_SLICE, e.step ? 3 : 2);
  }

  /** Jump to `label` when the test's truth equals `jumpIf`. */
  condJump(test: A.Expr, jumpIf: boolean, label: Label): void {
    if (test.kind === 'UnaryOp' && test.op === 'not') return this.condJump(test.operand, !jumpIf, label);
    if (test.kind === 'BoolOp') {
      const isAnd = test.op === 'and';
      if (isAnd !== jumpIf) {
        // and + jumpIfFalse / or + jumpIfTrue: any operand decides
        for (const v of test.values) this.condJump(v, jumpIf, label);
      } else {
        const skip = new Label();
        test.values.forEach((v, i) => {
          if (i < test.values.length - 1) this.condJump(v, !jumpIf, skip);
          else this.condJump(v, jumpIf, label);
        });
        this.b.bind(skip);
      }
      return;
    }
    this.expr(test);
    this.setLoc(test);
    this.b.emitJump(jumpIf ? Op.POP_JUMP_IF_TRUE : Op.POP_JUMP_IF_FALSE, label);
  }

  private compare(e: A.Compare): void {
    const b = this.b;
    const emitCmp = (op: A.CmpOperator): void => {
      if (op === 'is' || op === 'is not') b.emit(Op.IS_OP, op === 'is' ? 0 : 1);
      else if (op === 'in' || op === 'not in') b.emit(Op.CONTAINS_OP, op === 'in' ? 0 : 1);
      else b.emit(Op.COMPARE_OP, CMP_OPS.indexOf(op));
    };
    this.expr(e.left);
    if (e.ops.length === 1) {
      this.expr(e.comparators[0]);
      this.setLoc(e);
      emitCmp(e.ops[0]);
      return;
    }
    const cleanup = new Label();
    const end = new Label();
    for (let i = 0; i < e.ops.length; i++) {
      this.expr(e.comparators[i]);
      this.setLoc(e);
      if (i < e.ops.length - 1) {
        b.emit(Op.DUP_TOP);
        b.emit(Op.ROT_THREE);
        emitCmp(e.ops[i]);
        b.emitJump(Op.JUMP_IF_FALSE_OR_POP, cleanup);
      } else emitCmp(e.ops[i]);
    }
    b.emitJump(Op.JUMP, end);
    b.bind(cleanup);
    b.emit(Op.ROT_TWO);
    b.emit(Op.POP_TOP);
    b.bind(end);
  }

  private sequence(elts: A.Expr[], kind: 'list' | 'tuple' | 'set', node: A.Expr): void {
    const b = this.b;
    const hasStar = elts.some((x) => x.kind === 'Starred');
    const build = kind === 'list' ? Op.BUILD_LIST : kind === 'tuple' ? Op.BUILD_TUPLE : Op.BUILD_SET;
    if (!hasStar) {
      // CPython: more than 2 constant items -> build empty, then extend from a constant tuple
      if (kind !== 'tuple' && elts.length > 2) {
        const consts = elts.map(foldConst);
        if (consts.every((c) => c !== null)) {
          this.setLoc(node);
          b.emit(build, 0);
          this.const({ t: 'tuple', items: consts as ConstValue[] });
          b.emit(kind === 'list' ? Op.LIST_EXTEND : Op.SET_UPDATE, 1);
          return;
        }
      }
      for (const x of elts) this.expr(x);
      this.setLoc(node);
      b.emit(build, elts.length);
      return;
    }
    // with starred items: build a list (or set) piece by piece
    let pending = 0;
    let built = false;
    for (const x of elts) {
      if (x.kind === 'Starred') {
        if (!built) {
          b.emit(kind === 'set' ? Op.BUILD_SET : Op.BUILD_LIST, pending);
          built = true;
          pending = 0;
        }
        this.expr(x.value);
        b.emit(kind === 'set' ? Op.SET_UPDATE : Op.LIST_EXTEND, 1);
      } else {
        this.expr(x);
        if (built) b.emit(kind === 'set' ? Op.SET_ADD : Op.LIST_APPEND, 1);
        else pending++;
      }
    }
    this.setLoc(node);
    if (kind === 'tuple') b.emit(Op.LIST_TO_TUPLE);
  }

  private dict(e: A.DictExpr): void {
    const b = this.b;
    let pending = 0;
    let built = false;
    for (let i = 0; i < e.keys.length; i++) {
      const k = e.keys[i];
      if (k === null) {
        if (!built || pending) {
          b.emit(Op.BUILD_MAP, pending);
          if (built) b.emit(Op.DICT_UPDATE, 1);
          built = true;
          pending = 0;
        }
        this.expr(e.values[i]);
        b.emit(Op.DICT_UPDATE, 1);
      } else {
        this.expr(k);
        this.expr(e.values[i]);
        pending++;
      }
    }
    this.setLoc(e);
    if (!built) b.emit(Op.BUILD_MAP, pending);
    else if (pending) {
      b.emit(Op.BUILD_MAP, pending);
      b.emit(Op.DICT_UPDATE, 1);
    }
  }

  private joinedStr(e: A.JoinedStr): void {
    const parts = e.values;
    if (parts.length === 1 && parts[0].kind === 'FormattedValue') return this.formattedValue(parts[0]);
    for (const p of parts) {
      if (p.kind === 'Constant') this.expr(p);
      else if (p.kind === 'FormattedValue') this.formattedValue(p);
      else this.expr(p);
    }
    this.setLoc(e);
    if (parts.length === 0) this.const({ t: 'str', v: '' });
    else if (parts.length > 1) this.b.emit(Op.BUILD_STRING, parts.length);
  }

  private formattedValue(e: A.FormattedValue): void {
    this.expr(e.value);
    let flags = e.conversion === 115 ? 1 : e.conversion === 114 ? 2 : e.conversion === 97 ? 3 : 0;
    if (e.formatSpec) {
      this.joinedStr(e.formatSpec);
      flags |= 4;
    }
    this.setLoc(e);
    this.b.emit(Op.FORMAT_VALUE, flags);
  }

  private call(e: A.Call): void {
    const b = this.b;
    const hasStar = e.args.some((a) => a.kind === 'Starred') || e.keywords.some((k) => k.arg === null);
    const kw = e.keywords.length > 0;
    // obj.method(args): LOAD_METHOD/CALL_METHOD (3.10 only without keywords)
    if (e.func.kind === 'Attribute' && !hasStar && (!kw || !this.profile.argsCopiedIntoFrame)) {
      this.expr(e.func.value);
      this.setLoc(e.func);
      b.emit(Op.LOAD_METHOD, b.addName(e.func.attr));
      for (const a of e.args) this.expr(a);
      for (const k of e.keywords) this.expr(k.value);
      this.setLoc(e);
      if (kw) {
        this.const({ t: 'tuple', items: e.keywords.map((k) => ({ t: 'str', v: k.arg! })) });
        b.emit(Op.CALL_METHOD, (e.args.length + e.keywords.length) | 0x10000);
      } else b.emit(Op.CALL_METHOD, e.args.length);
      return;
    }
    this.expr(e.func);
    if (hasStar) {
      this.sequence(e.args, 'tuple', e);
      if (kw) {
        let built = false;
        let pending = 0;
        for (const k of e.keywords) {
          if (k.arg === null) {
            if (!built) {
              b.emit(Op.BUILD_MAP, pending);
              built = true;
            } else if (pending) {
              b.emit(Op.BUILD_MAP, pending);
              b.emit(Op.DICT_MERGE, 1);
            }
            pending = 0;
            this.expr(k.value);
            b.emit(Op.DICT_MERGE, 1);
          } else {
            this.const({ t: 'str', v: k.arg });
            this.expr(k.value);
            pending++;
          }
        }
        if (!built) b.emit(Op.BUILD_MAP, pending);
        else if (pending) {
          b.emit(Op.BUILD_MAP, pending);
          b.emit(Op.DICT_MERGE, 1);
        }
      }
      this.setLoc(e);
      b.emit(Op.CALL_FUNCTION_EX, kw ? 1 : 0);
      return;
    }
    for (const a of e.args) this.expr(a);
    for (const k of e.keywords) this.expr(k.value);
    this.setLoc(e);
    if (kw) {
      this.const({ t: 'tuple', items: e.keywords.map((k) => ({ t: 'str', v: k.arg! })) });
      b.emit(Op.CALL_FUNCTION_KW, e.args.length + e.keywords.length);
    } else b.emit(Op.CALL_FUNCTION, e.args.length);
  }

  // ------------------------------------------------------------ functions

  emitClosure(code: CodeObject): void {
    if (!code.freevars.length) return;
    for (const f of code.freevars) this.b.emit(Op.LOAD_CLOSURE, this.b.derefIndex(f));
    this.b.emit(Op.BUILD_TUPLE, code.freevars.length);
  }

  makeFunction(code: CodeObject, args: A.Arguments, _scope: Scope): void {
    const b = this.b;
    let flags = 0;
    if (args.defaults.length) {
      const consts = args.defaults.map(foldConst);
      if (consts.every((c) => c !== null)) this.const({ t: 'tuple', items: consts as ConstValue[] });
      else {
        for (const d of args.defaults) this.expr(d);
        b.emit(Op.BUILD_TUPLE, args.defaults.length);
      }
      flags |= 1;
    }
    const kwd = args.kwonlyargs.map((a, i) => [a, args.kwDefaults[i]] as const).filter(([, d]) => d !== null);
    if (kwd.length) {
      for (const [a, d] of kwd) {
        this.const({ t: 'str', v: this.scope.mangle(a.arg) });
        this.expr(d!);
      }
      b.emit(Op.BUILD_MAP, kwd.length);
      flags |= 2;
    }
    if (code.freevars.length) {
      this.emitClosure(code);
      flags |= 8;
    }
    this.const({ t: 'code', code });
    b.emit(Op.MAKE_FUNCTION, flags);
  }

  private comprehension(e: A.ListComp | A.SetComp | A.DictComp | A.GeneratorExp): void {
    const scope = this.scopeOf.get(e)!;
    const name = scope.name;
    const cb = new CodeBuilder({ name, qualname: this.qualname(name), kind: e.kind === 'GeneratorExp' ? 'genexpr' : 'comprehension', firstLine: this.lineOf(e.start) });
    cb.line = this.lineOf(e.start);
    const cc = this.nested(cb, scope);
    cc.qualPrefix = cb.code.qualname;
    const code = cb.code;
    cb.varIndex('.0');
    code.argcount = 1;
    code.cellvars = [...scope.cells].sort();
    code.freevars = [...scope.frees].sort();
    code.cell2arg = code.cellvars.map(() => -1);
    code.flags |= CO_NESTED;
    if (e.kind === 'GeneratorExp') code.flags |= CO_GENERATOR;
    cc.setLoc(e);
    if (e.kind === 'ListComp') cb.emit(Op.BUILD_LIST, 0);
    else if (e.kind === 'SetComp') cb.emit(Op.BUILD_SET, 0);
    else if (e.kind === 'DictComp') cb.emit(Op.BUILD_MAP, 0);
    cc.compGenerator(e, 0);
    cc.setLoc(e);
    if (e.kind === 'GeneratorExp') cc.const({ t: 'None' });
    cb.emit(Op.RETURN_VALUE);
    const ss = cpythonStackSize(e, this.profile.stackShape, e.kind === 'GeneratorExp', this.freesOf);
    if (ss) {
      code.cpyStackSize = ss.stackSize;
      code.cpyInlinedLocals = new Set([...ss.inlinedLocals].map((n) => scope.mangle(n)));
    }
    this.setLoc(e);
    this.makeFunction(code, { kind: 'arguments', posonlyargs: [], args: [], vararg: null, kwonlyargs: [], kwDefaults: [], kwarg: null, defaults: [], start: 0, end: 0 }, scope);
    this.expr(e.generators[0].iter);
    this.setLoc(e);
    this.b.emit(Op.GET_ITER);
    this.b.emit(Op.CALL_FUNCTION, 1);
  }

  compGenerator(e: A.ListComp | A.SetComp | A.DictComp | A.GeneratorExp, i: number): void {
    const b = this.b;
    const g = e.generators[i];
    const top = new Label();
    const end = new Label();
    if (i === 0) b.emit(Op.LOAD_FAST, b.varIndex('.0'));
    else {
      this.expr(g.iter);
      this.setLoc(g);
      b.emit(Op.GET_ITER);
    }
    b.bind(top);
    this.setLoc(e);
    b.emitJump(Op.FOR_ITER, end);
    this.store(g.target);
    for (const cond of g.ifs) this.condJump(cond, false, top);
    if (i + 1 < e.generators.length) this.compGenerator(e, i + 1);
    else {
      const depth = e.generators.length + 1;
      switch (e.kind) {
        case 'ListComp':
          this.expr(e.elt);
          this.setLoc(e);
          b.emit(Op.LIST_APPEND, depth);
          break;
        case 'SetComp':
          this.expr(e.elt);
          this.setLoc(e);
          b.emit(Op.SET_ADD, depth);
          break;
        case 'DictComp':
          this.expr(e.key);
          this.expr(e.value);
          this.setLoc(e);
          b.emit(Op.MAP_ADD, depth);
          break;
        case 'GeneratorExp':
          this.expr(e.elt);
          this.setLoc(e);
          b.emit(Op.YIELD_VALUE);
          b.emit(Op.POP_TOP);
          break;
      }
    }
    b.emitJump(Op.JUMP, top);
    b.bind(end);
  }
}

export class CompileErrorLike extends Error {
  constructor(message: string, public span: A.Span) {
    super(message);
  }
}

function describe(e: A.Expr): string {
  switch (e.kind) {
    case 'Constant':
      return 'literal';
    case 'Call':
      return 'function call';
    case 'BinOp':
    case 'UnaryOp':
      return 'expression';
    case 'Compare':
      return 'comparison';
    case 'Lambda':
      return 'lambda';
    default:
      return 'expression';
  }
}

export { CO_GENERATOR };
