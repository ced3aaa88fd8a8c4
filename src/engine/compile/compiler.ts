// The compiler: our AST to code objects (CPython's compile.c in small). Statements here; expressions
// in compile-expr.ts. Reference-relevant choices follow CPython: which values are constants, when a
// list literal uses LIST_EXTEND, how `except ... as e` deletes its name, how `finally` bodies are
// duplicated on every exit path.
import type * as A from '../parse/ast';
import type { Profile } from '../profiles';
import { CodeBuilder, Label } from './builder';
import { CO_GENERATOR, CO_NESTED, CO_VARARGS, CO_VARKEYWORDS, type CodeObject } from './code';
import { Op } from './opcodes';
import { buildSymtable, type Scope } from './symtable';
import { staticAttributes } from './static-attributes';
import { cpythonStackSize } from './stacksize';
import { ExprCompiler, CompileErrorLike as CompileError } from './compile-expr';

/** What an active block needs when `return`/`break`/`continue` leaves it early (CPython's fblockinfo). */
export type FBlock =
  | { kind: 'loop'; breakLabel: Label; continueLabel: Label; isFor: boolean }
  | { kind: 'try' } // SETUP_FINALLY of a try/except
  | { kind: 'finally'; body: A.Stmt[] }
  | { kind: 'handler'; name: string | null } // inside an except clause
  | { kind: 'handlerCleanup'; name: string } // SETUP_FINALLY protecting `as name`
  | { kind: 'with' }
  | { kind: 'finallyEnd' }; // inside the exceptional copy of a finally body (exc on the stack)

export { CompileError };

export class Compiler extends ExprCompiler {
  fblocks: FBlock[] = [];

  constructor(profile: Profile, scopeOf: Map<A.Node, Scope>, b: CodeBuilder, scope: Scope, lineOf: (off: number) => number) {
    super(profile, scopeOf, b, scope, lineOf);
  }

  static compileModule(mod: A.Module, profile: Profile, lineOf: (off: number) => number): CodeObject {
    const { root, scopeOf } = buildSymtable(mod);
    const b = new CodeBuilder({ name: '<module>', qualname: '<module>', kind: 'module', firstLine: 1 });
    const c = new Compiler(profile, scopeOf, b, root, lineOf);
    c.stmts(mod.body);
    b.line = mod.body.length ? lineOf(mod.body[mod.body.length - 1].end) : 1;
    b.emit(Op.LOAD_CONST, b.addConst({ t: 'None' }));
    b.emit(Op.RETURN_VALUE);
    return b.code;
  }

  protected override nested(b: CodeBuilder, scope: Scope): Compiler {
    return new Compiler(this.profile, this.scopeOf, b, scope, this.lineOf);
  }

  stmts(list: A.Stmt[]): void {
    for (const s of list) this.stmt(s);
  }

  stmt(s: A.Stmt): void {
    this.setLoc(s);
    const b = this.b;
    switch (s.kind) {
      case 'Expr':
        if (s.value.kind === 'Constant' && this.scope.kind !== 'module') return; // docstrings and bare constants
        this.expr(s.value);
        b.emit(Op.POP_TOP);
        return;
      case 'Assign':
        this.expr(s.value);
        s.targets.forEach((t, i) => {
          if (i < s.targets.length - 1) b.emit(Op.DUP_TOP);
          this.store(t);
        });
        return;
      case 'AugAssign':
        return this.augAssign(s);
      case 'AnnAssign':
        if (s.value) {
          this.expr(s.value);
          this.store(s.target);
        }
        return;
      case 'Delete':
        for (const t of s.targets) this.del(t);
        return;
      case 'Pass':
      case 'Global':
      case 'Nonlocal':
        b.emit(Op.NOP);
        return;
      case 'Break':
        return this.breakOrContinue(s, true);
      case 'Continue':
        return this.breakOrContinue(s, false);
      case 'Return':
        if (this.scope.kind === 'module' || this.scope.kind === 'class') throw new CompileError("'return' outside function", s);
        if (s.value) this.expr(s.value);
        else b.emit(Op.LOAD_CONST, b.addConst({ t: 'None' }));
        this.unwindAll(true);
        this.setLoc(s);
        b.emit(Op.RETURN_VALUE);
        return;
      case 'Raise':
        if (s.exc) this.expr(s.exc);
        if (s.cause) this.expr(s.cause);
        b.emit(Op.RAISE_VARARGS, s.cause ? 2 : s.exc ? 1 : 0);
        return;
      case 'Assert': {
        const end = new Label();
        this.condJump(s.test, true, end);
        b.emit(Op.LOAD_ASSERTION_ERROR);
        if (s.msg) {
          this.expr(s.msg);
          b.emit(Op.CALL_FUNCTION, 1);
        }
        b.emit(Op.RAISE_VARARGS, 1);
        b.bind(end);
        return;
      }
      case 'If':
        return this.ifStmt(s);
      case 'While':
        return this.whileStmt(s);
      case 'For':
        if (s.isAsync) return this.unsupported('`async for` loops', s);
        return this.forStmt(s);
      case 'Try':
        return this.tryStmt(s);
      case 'With':
        if (s.isAsync) return this.unsupported('`async with` statements', s);
        return this.withStmt(s, 0);
      case 'FunctionDef':
        if (s.isAsync) return this.unsupported('`async def` functions', s);
        return this.functionDef(s);
      case 'ClassDef':
        return this.classDef(s);
      case 'Import':
        for (const a of s.names) {
          b.emit(Op.LOAD_CONST, b.addConst({ t: 'int', v: 0n }));
          b.emit(Op.LOAD_CONST, b.addConst({ t: 'None' }));
          b.emit(Op.IMPORT_NAME, b.addName(a.name));
          if (a.asname && a.name.includes('.')) {
            const parts = a.name.split('.').slice(1);
            for (const p of parts) {
              b.emit(Op.IMPORT_FROM, b.addName(p, true)); // ADDOP_N: not mangled
              b.emit(Op.ROT_TWO);
              b.emit(Op.POP_TOP);
            }
          }
          this.storeName(a.asname ?? a.name.split('.')[0]);
        }
        return;
      case 'ImportFrom': {
        if (s.level > 0) return this.unsupported('relative imports', s);
        b.emit(Op.LOAD_CONST, b.addConst({ t: 'int', v: BigInt(s.level) }));
        b.emit(Op.LOAD_CONST, b.addConst({ t: 'tuple', items: s.names.map((a) => ({ t: 'str', v: a.name })) }));
        b.emit(Op.IMPORT_NAME, b.addName(s.module ?? ''));
        if (s.names.length === 1 && s.names[0].name === '*') {
          b.emit(Op.IMPORT_STAR);
          return;
        }
        for (const a of s.names) {
          b.emit(Op.IMPORT_FROM, b.addName(a.name));
          this.storeName(a.asname ?? a.name);
        }
        b.emit(Op.POP_TOP);
        return;
      }
      case 'Unsupported':
        return this.unsupported(s.construct, s);
    }
  }

  private augAssign(s: A.AugAssign): void {
    const b = this.b;
    const opIndex = this.binOpIndex(s.op);
    const t = s.target;
    if (t.kind === 'Name') {
      this.load(t.id);
      this.expr(s.value);
      this.setLoc(s);
      b.emit(Op.INPLACE_OP, opIndex);
      this.storeName(t.id);
    } else if (t.kind === 'Attribute') {
      this.expr(t.value);
      b.emit(Op.DUP_TOP);
      b.emit(Op.LOAD_ATTR, b.addName(t.attr));
      this.expr(s.value);
      this.setLoc(s);
      b.emit(Op.INPLACE_OP, opIndex);
      b.emit(Op.ROT_TWO);
      b.emit(Op.STORE_ATTR, b.addName(t.attr));
    } else {
      this.expr(t.value);
      this.subscriptIndex(t.slice);
      b.emit(Op.DUP_TOP_TWO);
      b.emit(Op.BINARY_SUBSCR);
      this.expr(s.value);
      this.setLoc(s);
      b.emit(Op.INPLACE_OP, opIndex);
      b.emit(Op.ROT_THREE);
      b.emit(Op.STORE_SUBSCR);
    }
  }

  private ifStmt(s: A.If): void {
    const b = this.b;
    const orelse = new Label();
    const end = new Label();
    this.condJump(s.test, false, orelse);
    this.stmts(s.body);
    if (s.orelse.length) {
      b.emitJump(Op.JUMP, end);
      b.bind(orelse);
      this.stmts(s.orelse);
    } else b.bind(orelse);
    b.bind(end);
  }

  private whileStmt(s: A.While): void {
    const b = this.b;
    const top = new Label();
    const orelse = new Label();
    const end = new Label();
    b.bind(top);
    this.setLoc(s);
    this.condJump(s.test, false, orelse);
    this.fblocks.push({ kind: 'loop', breakLabel: end, continueLabel: top, isFor: false });
    this.stmts(s.body);
    this.fblocks.pop();
    this.setLoc(s);
    b.emitJump(Op.JUMP, top);
    b.bind(orelse);
    this.stmts(s.orelse);
    b.bind(end);
  }

  private forStmt(s: A.For): void {
    const b = this.b;
    const top = new Label();
    const cleanup = new Label();
    const end = new Label();
    this.expr(s.iter);
    this.setLoc(s);
    b.emit(Op.GET_ITER);
    b.bind(top);
    this.setLoc(s);
    b.emitJump(Op.FOR_ITER, cleanup);
    this.store(s.target);
    this.fblocks.push({ kind: 'loop', breakLabel: end, continueLabel: top, isFor: true });
    this.stmts(s.body);
    this.fblocks.pop();
    this.setLoc(s);
    b.emitJump(Op.JUMP, top);
    b.bind(cleanup);
    this.stmts(s.orelse);
    b.bind(end);
  }

  private breakOrContinue(s: A.Break | A.Continue, isBreak: boolean): void {
    const b = this.b;
    let i = this.fblocks.length - 1;
    for (; i >= 0; i--) if (this.fblocks[i].kind === 'loop') break;
    if (i < 0) throw new CompileError(isBreak ? "'break' outside loop" : "'continue' not properly in loop", s);
    const loop = this.fblocks[i] as Extract<FBlock, { kind: 'loop' }>;
    this.unwindTo(i + 1, false);
    this.setLoc(s);
    if (isBreak) {
      if (loop.isFor) b.emit(Op.POP_TOP); // the iterator
      b.emitJump(Op.JUMP, loop.breakLabel);
    } else b.emitJump(Op.JUMP, loop.continueLabel);
  }

  /** Emit the exits of fblocks above `depth` (innermost first); `preserveTop`: a return value is on the stack. */
  private unwindTo(depth: number, preserveTop: boolean): void {
    const b = this.b;
    const saved = this.fblocks;
    for (let i = saved.length - 1; i >= depth; i--) {
      const f = saved[i];
      switch (f.kind) {
        case 'loop':
          if (f.isFor && preserveTop) {
            b.emit(Op.ROT_TWO);
            b.emit(Op.POP_TOP);
          } else if (f.isFor) b.emit(Op.POP_TOP);
          break;
        case 'try':
          b.emit(Op.POP_BLOCK);
          break;
        case 'finally': {
          b.emit(Op.POP_BLOCK);
          // compile the finally body with the outer fblocks active
          this.fblocks = saved.slice(0, i);
          this.stmts(f.body);
          this.fblocks = saved;
          break;
        }
        case 'handlerCleanup':
          b.emit(Op.POP_BLOCK);
          b.emit(Op.LOAD_CONST, b.addConst({ t: 'None' }));
          this.storeName(f.name);
          this.delName(f.name);
          break;
        case 'handler':
          b.emit(Op.POP_EXCEPT);
          break;
        case 'with':
          b.emit(Op.POP_BLOCK);
          if (preserveTop) b.emit(Op.ROT_TWO);
          b.emit(Op.LOAD_CONST, b.addConst({ t: 'None' }));
          b.emit(Op.DUP_TOP);
          b.emit(Op.DUP_TOP);
          b.emit(Op.CALL_FUNCTION, 3);
          b.emit(Op.POP_TOP);
          break;
        case 'finallyEnd':
          if (preserveTop) b.emit(Op.ROT_TWO);
          b.emit(Op.POP_TOP);
          b.emit(Op.POP_EXCEPT);
          break;
      }
    }
  }

  private unwindAll(preserveTop: boolean): void {
    this.unwindTo(0, preserveTop);
  }

  private tryStmt(s: A.Try): void {
    if (s.finalbody.length) {
      const b = this.b;
      const handler = new Label();
      const end = new Label();
      b.emitJump(Op.SETUP_FINALLY, handler);
      this.fblocks.push({ kind: 'finally', body: s.finalbody });
      if (s.handlers.length) this.tryExcept(s);
      else this.stmts(s.body);
      this.fblocks.pop();
      b.emit(Op.POP_BLOCK);
      this.stmts(s.finalbody);
      b.emitJump(Op.JUMP, end);
      b.bind(handler);
      this.fblocks.push({ kind: 'finallyEnd' });
      this.stmts(s.finalbody);
      this.fblocks.pop();
      b.emit(Op.RERAISE);
      b.bind(end);
    } else this.tryExcept(s);
  }

  private tryExcept(s: A.Try): void {
    const b = this.b;
    const handler = new Label();
    const orelse = new Label();
    const end = new Label();
    b.emitJump(Op.SETUP_FINALLY, handler);
    this.fblocks.push({ kind: 'try' });
    this.stmts(s.body);
    this.fblocks.pop();
    b.emit(Op.POP_BLOCK);
    b.emitJump(Op.JUMP, orelse);
    b.bind(handler);
    for (const h of s.handlers) {
      this.setLoc(h);
      const next = new Label();
      if (h.type) {
        b.emit(Op.DUP_TOP);
        this.expr(h.type);
        b.emitJump(Op.JUMP_IF_NOT_EXC_MATCH, next);
      }
      if (h.name) {
        // the exception's stack reference moves into the name
        this.storeName(h.name);
        const cleanup = new Label();
        b.emitJump(Op.SETUP_FINALLY, cleanup);
        this.fblocks.push({ kind: 'handler', name: h.name }, { kind: 'handlerCleanup', name: h.name });
        this.stmts(h.body);
        this.fblocks.pop();
        this.fblocks.pop();
        b.emit(Op.POP_BLOCK);
        b.emit(Op.LOAD_CONST, b.addConst({ t: 'None' }));
        this.storeName(h.name);
        this.delName(h.name);
        b.emit(Op.POP_EXCEPT);
        b.emitJump(Op.JUMP, end);
        b.bind(cleanup);
        // an exception inside the handler: clear the name, re-raise
        b.emit(Op.LOAD_CONST, b.addConst({ t: 'None' }));
        this.storeName(h.name);
        this.delName(h.name);
        b.emit(Op.RERAISE);
      } else {
        b.emit(Op.POP_TOP);
        this.fblocks.push({ kind: 'handler', name: null });
        this.stmts(h.body);
        this.fblocks.pop();
        b.emit(Op.POP_EXCEPT);
        b.emitJump(Op.JUMP, end);
      }
      b.bind(next);
    }
    b.emit(Op.RERAISE);
    b.bind(orelse);
    this.stmts(s.orelse);
    b.bind(end);
  }

  private withStmt(s: A.With, i: number): void {
    const b = this.b;
    const item = s.items[i];
    const handler = new Label();
    const end = new Label();
    const suppress = new Label();
    this.setLoc(item);
    this.expr(item.contextExpr);
    b.emitJump(Op.SETUP_WITH, handler);
    if (item.optionalVars) this.store(item.optionalVars);
    else b.emit(Op.POP_TOP);
    this.fblocks.push({ kind: 'with' });
    if (i + 1 < s.items.length) this.withStmt(s, i + 1);
    else this.stmts(s.body);
    this.fblocks.pop();
    this.setLoc(s);
    b.emit(Op.POP_BLOCK);
    b.emit(Op.LOAD_CONST, b.addConst({ t: 'None' }));
    b.emit(Op.DUP_TOP);
    b.emit(Op.DUP_TOP);
    b.emit(Op.CALL_FUNCTION, 3);
    b.emit(Op.POP_TOP);
    b.emitJump(Op.JUMP, end);
    b.bind(handler);
    b.emit(Op.WITH_EXCEPT_START);
    b.emitJump(Op.POP_JUMP_IF_TRUE, suppress);
    b.emit(Op.RERAISE);
    b.bind(suppress);
    b.emit(Op.POP_TOP);
    b.emit(Op.POP_EXCEPT);
    b.emit(Op.POP_TOP);
    b.bind(end);
  }

  private functionDef(s: A.FunctionDef): void {
    const b = this.b;
    for (const d of s.decorators) this.expr(d);
    this.setLoc(s);
    const scope = this.scopeOf.get(s)!;
    const code = this.compileFunctionBody(s, scope, s.name, s.args, (c) => {
      c.stmts(s.body);
      if (!endsWithReturn(s.body)) {
        c.b.line = c.lastLine(s);
        c.b.emit(Op.LOAD_CONST, c.b.addConst({ t: 'None' }));
        c.b.emit(Op.RETURN_VALUE);
      }
    });
    this.setLoc(s);
    this.makeFunction(code, s.args, scope);
    for (let i = 0; i < s.decorators.length; i++) b.emit(Op.CALL_FUNCTION, 1);
    this.storeName(s.name);
  }

  private classDef(s: A.ClassDef): void {
    const b = this.b;
    for (const d of s.decorators) this.expr(d);
    this.setLoc(s);
    const scope = this.scopeOf.get(s)!;
    const cb = new CodeBuilder({ name: s.name, qualname: this.qualname(s.name), kind: 'class', firstLine: this.lineOf(s.start) });
    cb.line = this.lineOf(s.start);
    const cc = this.nested(cb, scope);
    cc.qualPrefix = cb.code.qualname;
    cb.code.freevars = [...scope.frees].sort();
    if (scope.needsClassCell) cb.code.cellvars = ['__class__'];
    cb.emit(Op.LOAD_NAME, cb.addName('__name__'));
    cb.emit(Op.STORE_NAME, cb.addName('__module__'));
    cb.emit(Op.LOAD_CONST, cb.addConst({ t: 'str', v: cb.code.qualname }));
    cb.emit(Op.STORE_NAME, cb.addName('__qualname__'));
    if (this.profile.classBodyMetadata) {
      // 3.13: __firstlineno__ (the first decorator's line for a decorated class)
      const first = this.lineOf(Math.min(s.start, ...s.decorators.map((d) => d.start)));
      cb.emit(Op.LOAD_CONST, cb.addConst({ t: 'int', v: BigInt(first) }));
      cb.emit(Op.STORE_NAME, cb.addName('__firstlineno__'));
    }
    const classDoc = docstringOf(s.body);
    if (classDoc !== undefined) {
      // compiler_body: a class docstring is stored as __doc__ before the rest of the body
      cc.setLoc(s.body[0]!);
      cb.emit(Op.LOAD_CONST, cb.addConst({ t: 'str', v: classDoc }));
      cb.emit(Op.STORE_NAME, cb.addName('__doc__'));
    }
    cc.stmts(s.body);
    cb.line = cc.lastLine(s);
    if (this.profile.classBodyMetadata) {
      const attrs = staticAttributes(s.body);
      cb.emit(Op.LOAD_CONST, cb.addConst({ t: 'tuple', items: attrs.map((v) => ({ t: 'str', v })) }));
      cb.emit(Op.STORE_NAME, cb.addName('__static_attributes__'));
    }
    if (scope.needsClassCell) {
      cb.emit(Op.LOAD_CLOSURE, 0);
      cb.emit(Op.DUP_TOP);
      cb.emit(Op.STORE_NAME, cb.addName('__classcell__'));
    } else cb.emit(Op.LOAD_CONST, cb.addConst({ t: 'None' }));
    cb.emit(Op.RETURN_VALUE);
    cb.code.flags |= CO_NESTED;
    this.setLoc(s);
    b.emit(Op.LOAD_BUILD_CLASS);
    this.emitClosure(cb.code);
    b.emit(Op.LOAD_CONST, b.addConst({ t: 'code', code: cb.code }));
    b.emit(Op.MAKE_FUNCTION, cb.code.freevars.length ? 8 : 0);
    b.emit(Op.LOAD_CONST, b.addConst({ t: 'str', v: s.name }));
    for (const base of s.bases) this.expr(base);
    if (s.keywords.length) {
      for (const k of s.keywords) this.expr(k.value);
      b.emit(Op.LOAD_CONST, b.addConst({ t: 'tuple', items: s.keywords.map((k) => ({ t: 'str', v: k.arg ?? '' })) }));
      b.emit(Op.CALL_FUNCTION_KW, 2 + s.bases.length + s.keywords.length);
    } else b.emit(Op.CALL_FUNCTION, 2 + s.bases.length);
    for (let i = 0; i < s.decorators.length; i++) b.emit(Op.CALL_FUNCTION, 1);
    this.storeName(s.name);
  }

  lastLine(n: A.Node): number {
    return this.lineOf(Math.max(n.start, n.end - 1));
  }

  /** Compile a function-like body into its own code object. */
  compileFunctionBody(node: A.Node, scope: Scope, name: string, args: A.Arguments, body: (c: Compiler) => void): CodeObject {
    const kind = node.kind === 'Lambda' ? 'lambda' : 'function';
    const cb = new CodeBuilder({ name, qualname: this.qualname(name), kind, firstLine: this.lineOf(node.start) });
    cb.line = this.lineOf(node.start);
    const cc = this.nested(cb, scope);
    cc.qualPrefix = cb.code.qualname + '.<locals>';
    const code = cb.code;
    // co_firstlineno: a decorated function's code starts at its first decorator
    const decorators = (node as { decorators?: A.Expr[] }).decorators;
    if (decorators && decorators.length > 0) code.coFirstLineno = this.lineOf(Math.min(node.start, ...decorators.map((d) => d.start)));
    // a function's docstring is its first constant (co_consts[0]); func.__doc__ refers to it
    const doc = node.kind === 'FunctionDef' ? docstringOf((node as A.FunctionDef).body) : undefined;
    if (doc !== undefined) code.docConst = cb.addConst({ t: 'str', v: doc });
    for (const p of scope.params) cb.varIndex(p);
    code.posonlyargcount = args.posonlyargs.length;
    code.argcount = args.posonlyargs.length + args.args.length;
    code.kwonlyargcount = args.kwonlyargs.length;
    if (args.vararg) code.flags |= CO_VARARGS;
    if (args.kwarg) code.flags |= CO_VARKEYWORDS;
    if (scope.isGenerator) code.flags |= CO_GENERATOR;
    if (scope.parent && scope.parent.kind !== 'module') code.flags |= CO_NESTED;
    code.cellvars = [...scope.cells].sort();
    code.freevars = [...scope.frees].sort();
    code.cell2arg = code.cellvars.map((c) => scope.params.indexOf(c));
    body(cc);
    const ss = cpythonStackSize(node as A.FunctionDef | A.Lambda, this.profile.stackShape, scope.isGenerator, this.freesOf);
    if (ss) {
      code.cpyStackSize = ss.stackSize;
      code.cpyInlinedLocals = new Set([...ss.inlinedLocals].map((n) => scope.mangle(n)));
    }
    return code;
  }
}

/** the docstring of a function or class body: a first statement that is a str constant */
function docstringOf(body: A.Stmt[]): string | undefined {
  const first = body[0];
  if (first?.kind !== 'Expr' || first.value.kind !== 'Constant') return undefined;
  const v = first.value.value;
  return v.type === 'str' ? v.value : undefined;
}

function endsWithReturn(body: A.Stmt[]): boolean {
  const last = body[body.length - 1];
  return !!last && (last.kind === 'Return' || last.kind === 'Raise');
}
