// CPython's co_stacksize (3.11-3.13) for a function, lambda or generator expression, derived from our
// AST: the deepest value stack CPython's own code generator (Python/compile.c, flowgraph.c) produces,
// exception handlers included. A 3.11+ generator embeds its frame, so sys.getsizeof(generator) depends
// on it. Our VM's bytecode has other stack shapes (no NULL slots, 3.10-style blocks), so it is not used.
// Each rule was checked against `co_stacksize` of the real interpreters (test/unit/compile/stacksize,
// whose corpus CPython's numbers are recorded from).
// Approximate (not measured): dict displays with `**`, very large keyword-argument calls, annotations.
import type * as A from '../parse/ast';
import type { StackShape as Shape } from '../profiles/profile';
import type { CodeObject } from './code';
import { foldConst } from './fold';

const STACK_USE_GUIDELINE = 30;

type FBlock = { kind: 'for' } | { kind: 'with' } | { kind: 'finally'; body: A.Stmt[] } | { kind: 'handler' } | { kind: 'while' };

class Depth {
  max = 0;
  /** 3.12+: variables of inlined comprehensions, which become slots of this frame */
  readonly inlined = new Set<string>();
  private fblocks: { b: FBlock; depth: number }[] = [];

  constructor(
    private readonly s: Shape,
    /** free variables of a nested function / comprehension (its closure tuple) */
    private readonly frees: (n: A.Node) => number,
  ) {}

  private note(n: number): void {
    if (n > this.max) this.max = n;
  }

  // ---------------------------------------------------------------- statements

  /** a statement list at depth d; false when its end is unreachable */
  stmts(list: A.Stmt[], d: number): boolean {
    for (const st of list) if (!this.stmt(st, d)) return false;
    return true;
  }

  private stmt(st: A.Stmt, d: number): boolean {
    switch (st.kind) {
      case 'Expr':
        if (st.value.kind !== 'Constant') this.expr(st.value, d);
        return true;
      case 'Assign':
        this.expr(st.value, d);
        if (st.targets.length > 1) this.note(d + 2);
        for (const t of st.targets) this.store(t, d + 1);
        return true;
      case 'AugAssign':
        return this.augAssign(st, d), true;
      case 'AnnAssign':
        if (st.value) {
          this.expr(st.value, d);
          this.store(st.target, d + 1);
        }
        return true;
      case 'Delete':
        for (const t of st.targets) {
          if (t.kind === 'Attribute') this.expr(t.value, d);
          else if (t.kind === 'Subscript') this.subscrParts(t, d);
          else if (t.kind === 'Tuple' || t.kind === 'List') this.stmt({ ...st, targets: t.elts }, d);
        }
        return true;
      case 'Return':
        return this.ret(st, d), false;
      case 'Raise':
        if (st.exc) this.expr(st.exc, d);
        if (st.cause) this.expr(st.cause, d + 1);
        return false;
      case 'Assert':
        this.test(st.test, d);
        this.note(d + 1);
        if (st.msg) this.expr(st.msg, d + 1);
        return true;
      case 'If': {
        this.test(st.test, d);
        const a = this.stmts(st.body, d);
        const b = this.stmts(st.orelse, d);
        return a || b;
      }
      case 'While':
        this.test(st.test, d);
        this.loop({ kind: 'while' }, st.body, d);
        this.stmts(st.orelse, d);
        return true;
      case 'For':
        this.expr(st.iter, d);
        this.note(d + 2);
        this.store(st.target, d + 2);
        this.loop({ kind: 'for' }, st.body, d + 1);
        this.stmts(st.orelse, d);
        return true;
      case 'Break':
      case 'Continue':
        return false;
      case 'Try':
        return this.tryStmt(st, d);
      case 'With':
        return this.withItems(st, 0, d);
      case 'FunctionDef':
        st.decorators.forEach((x, i) => this.expr(x, d + i));
        this.makeFunction(st, st.args, d + st.decorators.length, st.returns ? 1 : 0);
        return true;
      case 'ClassDef': {
        st.decorators.forEach((x, i) => this.expr(x, d + i));
        const c = d + st.decorators.length;
        // LOAD_BUILD_CLASS + NULL, the class body function, its name, then the bases and keywords
        this.note(c + 4);
        st.bases.forEach((x, i) => this.expr(x, c + 4 + i));
        const k = c + 4 + st.bases.length;
        st.keywords.forEach((x, i) => this.expr(x.value, k + i));
        if (st.keywords.length && this.s.kwNamesOnStack) this.note(k + st.keywords.length + 1);
        return true;
      }
      case 'Import':
        this.note(d + 2);
        return true;
      case 'ImportFrom':
        this.note(d + 2);
        return true;
      default:
        return true;
    }
  }

  private loop(b: FBlock, body: A.Stmt[], d: number): void {
    this.fblocks.push({ b, depth: d });
    this.stmts(body, d);
    this.fblocks.pop();
  }

  private ret(st: A.Return, d: number): void {
    const unwinds = this.fblocks.some((f) => f.b.kind === 'with' || f.b.kind === 'finally');
    const isConst = !st.value || foldConst(st.value) !== null;
    let cur = d;
    if (st.value && !isConst) {
      this.expr(st.value, d);
      cur = d + 1;
    } else if (!(this.s.returnConst && !unwinds)) {
      this.note(d + 1);
      cur = d + 1;
    }
    // leave the enclosing blocks with the value kept on top
    const saved = this.fblocks;
    for (let i = saved.length - 1; i >= 0; i--) {
      const f = saved[i];
      if (f.b.kind === 'with') this.note(cur + 3);
      else if (f.b.kind === 'finally') {
        this.fblocks = saved.slice(0, i);
        this.stmts(f.b.body, cur);
        this.fblocks = saved;
      }
    }
  }

  private tryStmt(st: A.Try, d: number): boolean {
    if (st.finalbody.length) {
      // body under SETUP_FINALLY; the finally body runs at d (normal exit) and at d + 2 (exception,
      // with the previous exception and the raised one below it); its cleanup handler reaches d + 4
      this.fblocks.push({ b: { kind: 'finally', body: st.finalbody }, depth: d });
      const through = st.handlers.length ? this.tryExcept(st, d) : this.stmts(st.body, d);
      this.fblocks.pop();
      this.note(d + 4);
      this.fblocks.push({ b: { kind: 'handler' }, depth: d + 2 });
      this.stmts(st.finalbody, d + 2);
      this.fblocks.pop();
      return this.stmts(st.finalbody, d) && through;
    }
    return this.tryExcept(st, d);
  }

  private tryExcept(st: A.Try, d: number): boolean {
    let through = this.stmts(st.body, d);
    if (through) through = this.stmts(st.orelse, d);
    // handler entry: the exception (d + 1); PUSH_EXC_INFO (d + 2); the type test at d + 2; the cleanup
    // handler (lasti + exception above the two) copies the previous exception: d + 4
    this.note(d + 4);
    for (const h of st.handlers) {
      if (h.type) this.expr(h.type, d + 2);
      this.fblocks.push({ b: { kind: 'handler' }, depth: d + 1 });
      if (this.stmts(h.body, d + 1)) through = true;
      this.fblocks.pop();
    }
    return through;
  }

  private withItems(st: A.With, i: number, d: number): boolean {
    const item = st.items[i];
    this.expr(item.contextExpr, d);
    // BEFORE_WITH: __exit__ and the __enter__ result (d + 2); the exception path reaches d + 6
    this.note(d + 2);
    this.note(d + 6);
    if (item.optionalVars) this.store(item.optionalVars, d + 2);
    this.fblocks.push({ b: { kind: 'with' }, depth: d + 1 });
    const through = i + 1 < st.items.length ? this.withItems(st, i + 1, d + 1) : this.stmts(st.body, d + 1);
    this.fblocks.pop();
    // __exit__(None, None, None)
    this.note(d + 4);
    return through;
  }

  private augAssign(st: A.AugAssign, d: number): void {
    const t = st.target;
    if (t.kind === 'Name') {
      this.note(d + 1);
      this.expr(st.value, d + 1);
    } else if (t.kind === 'Attribute') {
      this.expr(t.value, d);
      this.note(d + 2);
      this.expr(st.value, d + 2);
    } else {
      this.subscrParts(t, d);
      this.note(d + 4);
      this.expr(st.value, d + 3);
    }
  }

  /** store the value on top of a stack of depth `top` into a target */
  private store(t: A.Expr, top: number): void {
    switch (t.kind) {
      case 'Attribute':
        this.expr(t.value, top);
        return;
      case 'Subscript':
        this.subscrParts(t, top);
        return;
      case 'Tuple':
      case 'List': {
        const n = t.elts.length;
        this.note(top - 1 + n);
        t.elts.forEach((x, i) => this.store(x.kind === 'Starred' ? x.value : x, top - 1 + n - i));
        return;
      }
      case 'Starred':
        this.store(t.value, top);
        return;
      default:
        return;
    }
  }

  /** container and index of a subscript, at d and d + 1 (a slice: its bounds) */
  private subscrParts(t: A.Subscript, d: number): void {
    this.expr(t.value, d);
    if (t.slice.kind === 'Slice') this.sliceParts(t.slice, d + 1);
    else this.expr(t.slice, d + 1);
  }

  private sliceParts(s: A.Slice, d: number): void {
    const parts = [s.lower, s.upper, s.step];
    const n = s.step ? 3 : 2;
    for (let i = 0; i < n; i++) {
      const p = parts[i];
      if (p) this.expr(p, d + i);
      else this.note(d + i + 1);
    }
  }

  // ---------------------------------------------------------------- expressions

  /** a condition compiled as jumps (if, while, assert, comprehension filters, conditional expressions) */
  private test(e: A.Expr, d: number): void {
    if (e.kind === 'BoolOp') for (const v of e.values) this.test(v, d);
    else if (e.kind === 'UnaryOp' && e.op === 'not') this.test(e.operand, d);
    else if (e.kind === 'IfExp') {
      this.test(e.test, d);
      this.test(e.body, d);
      this.test(e.orelse, d);
    } else this.expr(e, d);
  }

  /** evaluate `e` with d values below it (its result ends at d + 1) */
  expr(e: A.Expr, d: number): void {
    if (foldConst(e) !== null) return this.note(d + 1);
    switch (e.kind) {
      case 'Name':
      case 'Constant':
      case 'UnsupportedExpr':
        return this.note(d + 1);
      case 'Attribute':
        return this.expr(e.value, d);
      case 'Subscript':
        return this.subscrParts(e, d);
      case 'Slice':
        return this.sliceParts(e, d);
      case 'BinOp':
        this.expr(e.left, d);
        return this.expr(e.right, d + 1);
      case 'UnaryOp':
        return this.expr(e.operand, d);
      case 'BoolOp':
        for (const v of e.values) this.expr(v, d);
        if (this.s.boolOpCopy) this.note(d + 2);
        return;
      case 'Compare':
        this.expr(e.left, d);
        e.comparators.forEach((c) => this.expr(c, d + 1));
        if (e.comparators.length > 1) this.note(d + 3);
        return;
      case 'IfExp':
        this.test(e.test, d);
        this.expr(e.body, d);
        return this.expr(e.orelse, d);
      case 'NamedExpr':
        this.expr(e.value, d);
        return this.note(d + 2);
      case 'Call':
        return this.call(e, d);
      case 'List':
      case 'Set':
      case 'Tuple':
        return this.display(e.elts, d, e.kind !== 'Tuple');
      case 'Dict':
        return this.dict(e, d);
      case 'JoinedStr':
        return this.joined(e, d, false);
      case 'FormattedValue':
        this.expr(e.value, d);
        if (e.formatSpec) this.joined(e.formatSpec, d + 1, true);
        return;
      case 'Lambda':
        return this.makeFunction(e, e.args, d, 0);
      case 'GeneratorExp':
        return this.comprehensionCall(e, d);
      case 'ListComp':
      case 'SetComp':
      case 'DictComp':
        return this.s.inlineComps ? this.inlineComp(e, d) : this.comprehensionCall(e, d);
      case 'Yield':
        if (e.value) this.expr(e.value, d);
        return this.note(d + 1);
      case 'YieldFrom':
      case 'Await':
        this.expr(e.value, d);
        return this.note(d + (this.s.sendHandler ? 3 : 2));
      case 'Starred':
        return this.expr(e.value, d);
    }
  }

  private call(e: A.Call, d: number): void {
    const starred = e.args.some((a) => a.kind === 'Starred') || e.keywords.some((k) => k.arg === null);
    // callable and NULL (or bound method and self)
    if (e.func.kind === 'Attribute' && !starred) this.expr(e.func.value, d);
    else this.expr(e.func, d + 1);
    const b = d + 2;
    this.note(b);
    if (!starred) {
      e.args.forEach((a, i) => this.expr(a, b + i));
      const n = e.args.length;
      e.keywords.forEach((k, i) => this.expr(k.value, b + n + i));
      if (e.keywords.length && this.s.kwNamesOnStack) this.note(b + n + e.keywords.length + 1);
      return;
    }
    // CALL_FUNCTION_EX: the positional tuple, then the keyword dict
    if (e.args.length === 1 && e.args[0].kind === 'Starred') this.expr(e.args[0].value, b);
    else this.display(e.args, b, true);
    const k = b + 1;
    let run = 0;
    let haveDict = false;
    const flush = (i: number): void => {
      if (!run) return;
      const at = haveDict ? k + 1 : k;
      const kws = e.keywords.slice(i - run, i);
      if (run > 1) {
        kws.forEach((x, j) => this.expr(x.value, at + j));
        this.note(at + run + 1);
      } else {
        this.note(at + 1);
        this.expr(kws[0].value, at + 1);
      }
      haveDict = true;
      run = 0;
    };
    e.keywords.forEach((kw, i) => {
      if (kw.arg !== null) return void run++;
      flush(i);
      if (!haveDict) {
        this.note(k + 1);
        haveDict = true;
      }
      this.expr(kw.value, k + 1);
    });
    flush(e.keywords.length);
  }

  /** a list/set/tuple display at d (starred items and long displays are built one item at a time) */
  private display(elts: A.Expr[], d: number, mutable: boolean): void {
    const star = elts.findIndex((x) => x.kind === 'Starred');
    const consts = elts.every((x) => foldConst(x) !== null);
    if (star < 0 && mutable && elts.length > 2 && consts) return this.note(d + 2);
    if (star < 0 && elts.length <= STACK_USE_GUIDELINE) {
      elts.forEach((x, i) => this.expr(x, d + i));
      if (!elts.length) this.note(d + 1);
      return;
    }
    const first = star < 0 ? 0 : star;
    elts.slice(0, first).forEach((x, i) => this.expr(x, d + i));
    this.note(d + 1);
    for (const x of elts.slice(first)) this.expr(x, d + 1);
  }

  private dict(e: A.DictExpr, d: number): void {
    const n = e.keys.length;
    if (!n) return this.note(d + 1);
    if (e.keys.some((k) => k === null) || n * 2 > STACK_USE_GUIDELINE) {
      this.note(d + 1);
      e.keys.forEach((k, i) => {
        if (k) this.expr(k, d + 1);
        this.expr(e.values[i], k ? d + 2 : d + 1);
      });
      return;
    }
    if (n > 1 && e.keys.every((k) => k && foldConst(k) !== null)) {
      e.values.forEach((v, i) => this.expr(v, d + i));
      return this.note(d + n + 1);
    }
    e.keys.forEach((k, i) => {
      this.expr(k!, d + 2 * i);
      this.expr(e.values[i], d + 2 * i + 1);
    });
  }

  private joined(e: A.JoinedStr, d: number, spec: boolean): void {
    let i = 0;
    for (const v of e.values) {
      this.expr(v, d + i++);
      if (spec && this.s.specExtraPiece && v.kind === 'FormattedValue') this.note(d + i++ + 1);
    }
    if (!e.values.length) this.note(d + 1);
  }

  /** MAKE_FUNCTION: defaults, keyword defaults, annotations, closure below the code object */
  private makeFunction(n: A.Node, args: A.Arguments, d: number, annotations: number): void {
    let k = d;
    if (args.defaults.length) this.display(args.defaults, k++, false);
    const kw = args.kwonlyargs.map((a, i) => ({ a, v: args.kwDefaults[i] })).filter((x) => x.v);
    if (kw.length) {
      kw.forEach((x, i) => this.expr(x.v!, k + i));
      this.note(k + kw.length + 1);
      k++;
    }
    k += annotations;
    const free = this.frees(n);
    if (free) {
      this.note(k + free);
      k++;
    }
    this.note(k + 1);
  }

  /** a comprehension as a nested function called with the first iterator */
  private comprehensionCall(e: A.ListComp | A.SetComp | A.DictComp | A.GeneratorExp, d: number): void {
    const free = this.frees(e);
    this.note(d + Math.max(free, 1) + (free ? 1 : 0));
    this.expr(e.generators[0].iter, d + 1);
  }

  /** 3.12+ inlined comprehension: iterator, the saved outer values of its variables, the result */
  private inlineComp(e: A.ListComp | A.SetComp | A.DictComp, d: number): void {
    this.expr(e.generators[0].iter, d);
    const saved = new Set<string>();
    compLocals(e, saved);
    for (const n of saved) this.inlined.add(n);
    this.note(d + 1 + saved.size + 1);
    this.compLoops(e, 0, d + 1 + saved.size + 1 - 1, true);
  }

  /** the loops of a comprehension; `d` = depth below the current iterator */
  compLoops(e: A.ListComp | A.SetComp | A.DictComp | A.GeneratorExp, i: number, d: number, outerIterOnStack: boolean): void {
    const g = e.generators[i];
    if (i > 0 || !outerIterOnStack) {
      if (i > 0) this.expr(g.iter, d);
      else this.note(d + 1);
    }
    // FOR_ITER pushes the item above the iterator
    this.note(d + 2);
    this.store(g.target, d + 2);
    for (const c of g.ifs) this.test(c, d + 1);
    if (i + 1 < e.generators.length) return this.compLoops(e, i + 1, d + 1, false);
    const top = d + 1;
    if (e.kind === 'DictComp') {
      this.expr(e.key, top);
      this.expr(e.value, top + 1);
    } else {
      this.expr(e.elt, top);
      if (e.kind === 'GeneratorExp') this.note(top + 1);
    }
  }
}

/** the variables an inlined comprehension saves: its targets and those of comprehensions inlined in it */
function compLocals(e: A.ListComp | A.SetComp | A.DictComp, out: Set<string>): void {
  e.generators.forEach((g) => collectNames(g.target, out));
  const visit = (n: unknown): void => {
    if (!n || typeof n !== 'object') return;
    if (Array.isArray(n)) return n.forEach(visit);
    const k = (n as { kind?: string }).kind;
    if (k === 'Lambda' || k === 'GeneratorExp') return;
    if (k === 'ListComp' || k === 'SetComp' || k === 'DictComp') return compLocals(n as A.ListComp, out);
    for (const v of Object.values(n)) if (v && typeof v === 'object') visit(v);
  };
  visit([e.generators.map((g, i) => [g.ifs, i ? g.iter : null]), 'elt' in e ? e.elt : [e.key, e.value]]);
}

function collectNames(t: A.Expr, out: Set<string>): void {
  if (t.kind === 'Name') out.add(t.id);
  else if (t.kind === 'Tuple' || t.kind === 'List') t.elts.forEach((x) => collectNames(x, out));
  else if (t.kind === 'Starred') collectNames(t.value, out);
}

/** co_stacksize of a function, lambda or comprehension; null without a shape (3.10: not modelled) */
export function cpythonStackSize(
  node: A.FunctionDef | A.Lambda | A.GeneratorExp | A.ListComp | A.SetComp | A.DictComp,
  s: Shape | null,
  isGenerator: boolean,
  frees: (n: A.Node) => number,
): { stackSize: number; inlinedLocals: Set<string> } | null {
  if (!s) return null;
  const w = new Depth(s, frees);
  if (isGenerator && s.genWrapper) w.max = 2;
  if (node.kind === 'FunctionDef') {
    if (w.stmts(node.body, 0) && !s.returnConst) w.max = Math.max(w.max, 1);
  } else if (node.kind === 'Lambda') w.expr(node.body, 0);
  else {
    // the comprehension's own code: the result (not for a generator) below the iterator argument .0
    const base = node.kind === 'GeneratorExp' ? 0 : 1;
    w.max = Math.max(w.max, base + 1);
    w.compLoops(node, 0, base, true);
  }
  return { stackSize: w.max, inlinedLocals: w.inlined };
}

/** Frame slots of a 3.11+ frame (co_nlocalsplus): locals, cells that are not arguments, free
 * variables, and (3.12+) the variables of comprehensions inlined into it. */
export function nlocalsplus(c: CodeObject): number {
  const own = new Set([...c.varnames, ...c.cellvars]);
  let extra = 0;
  for (const n of c.cpyInlinedLocals ?? []) if (!own.has(n)) extra++;
  return own.size + c.freevars.length + extra;
}
