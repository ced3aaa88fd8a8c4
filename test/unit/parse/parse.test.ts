// parse(): Unsupported statements and expressions (construct names, exact spans, the code around
// them kept), the depth guards, and speed on a 5,000-line file. Tree shapes, spans and error
// messages against CPython are in cases.test.ts and mutations.test.ts.
import { strict as assert } from 'node:assert';
import type { Expr, Module, Node, Stmt } from '../../../src/engine/parse/ast';
import { childNodes } from '../../../src/engine/parse/checks';
import { LineIndex, parse } from '../../../src/engine/parse/index';

function mod(src: string): Module {
  const r = parse(src);
  if (!r.ok) assert.fail(`${r.error.errorType}: ${r.error.message}`);
  return r.module;
}

function find(n: Node, kind: string): Node[] {
  const out: Node[] = [];
  const stack: Node[] = [n];
  while (stack.length) {
    const x = stack.pop()!;
    if (x.kind === kind) out.push(x);
    stack.push(...childNodes(x));
  }
  return out.sort((a, b) => a.start - b.start);
}

function unsupported(src: string): { construct: string; text: string }[] {
  return find(mod(src), 'Unsupported').map((n) => ({ construct: (n as Stmt & { construct: string }).construct, text: src.slice(n.start, n.end) }));
}

describe('parse: unsupported constructs', () => {
  it('keeps a match statement as one Unsupported statement, with the code around it', () => {
    const src = 'x = 1\nmatch x:\n    case 1:\n        y = 2\n    case _:\n        pass\n\nz = 3\n';
    const m = mod(src);
    assert.deepEqual(m.body.map((s) => s.kind), ['Assign', 'Unsupported', 'Assign']);
    assert.deepEqual(unsupported(src), [{ construct: '`match` statements', text: 'match x:\n    case 1:\n        y = 2\n    case _:\n        pass' }]);
  });

  it('names async def, async for and async with', () => {
    const src = 'async def f():\n    await g()\n\ndef h():\n    pass\n';
    assert.deepEqual(unsupported(src), [{ construct: '`async def` functions', text: 'async def f():\n    await g()' }]);
    assert.equal(mod(src).body[1].kind, 'FunctionDef');
  });

  it('marks a decorated async def from the `async` keyword, decorators lowered nowhere else', () => {
    const src = '@dec\nasync def f():\n    pass\n';
    assert.deepEqual(unsupported(src), [{ construct: '`async def` functions', text: 'async def f():\n    pass' }]);
  });

  it('names type aliases, except* and generic definitions (3.12 syntax)', () => {
    assert.deepEqual(unsupported('type Pair = tuple[int, int]\n'), [{ construct: '`type` alias statements', text: 'type Pair = tuple[int, int]' }]);
    assert.deepEqual(unsupported('try:\n    pass\nexcept* E:\n    pass\n'), [
      { construct: '`except*` clauses (exception groups)', text: 'try:\n    pass\nexcept* E:\n    pass' },
    ]);
    assert.deepEqual(
      unsupported('def f[T](x: T) -> T:\n    return x\nclass C[T]: pass\n').map((u) => u.construct),
      ['generic functions with type parameters (`def f[T]`)', 'generic classes with type parameters (`class C[T]`)'],
    );
  });

  it('keeps Unsupported statements nested in blocks', () => {
    const src = 'def f(x):\n    match x:\n        case _:\n            pass\n    return x\n';
    const f = mod(src).body[0];
    assert.equal(f.kind, 'FunctionDef');
    if (f.kind === 'FunctionDef') assert.deepEqual(f.body.map((s) => s.kind), ['Unsupported', 'Return']);
  });

  it('lowers an asynchronous generator expression to UnsupportedExpr with its span', () => {
    const src = 'def f(n):\n    return (i for i in range(n) if await w(i))\n';
    const [e] = find(mod(src), 'UnsupportedExpr') as (Expr & { construct: string })[];
    assert.match(e.construct, /asynchronous generator expressions/);
    assert.equal(src.slice(e.start, e.end), '(i for i in range(n) if await w(i))');
  });

  it('lowers a string with an unknown \\N{...} name to UnsupportedExpr (it may be valid Python)', () => {
    const src = 's = "\\N{BULLET}"\nt = "\\N{LATIN SMALL LETTER Y WITH DIAERESIS}"\n';
    const m = mod(src);
    assert.equal(find(m, 'UnsupportedExpr').length, 1);
    const [first] = find(m, 'Constant');
    assert.deepEqual((first as Expr & { value: unknown }).value, { type: 'str', value: '•' });
  });

  it('reports await outside any function as CPython does, not as unsupported', () => {
    const r = parse('await x\n');
    assert.ok(!r.ok);
    assert.equal(r.error.message, "'await' outside function");
  });
});

describe('parse: depth guards', () => {
  const cases: [string, string, string][] = [
    ['10,000 nested parentheses', 'x = ' + '('.repeat(10000) + '1' + ')'.repeat(10000) + '\n', 'too many nested parentheses'],
    ['10,000 nested brackets', 'x = ' + '['.repeat(10000) + ']'.repeat(10000) + '\n', 'too many nested parentheses'],
    ['10,000 nested braces', 'x = ' + '{'.repeat(10000) + '}'.repeat(10000) + '\n', 'too many nested parentheses'],
    ['10,000 unary minus signs', 'x = ' + '-'.repeat(10000) + '1\n', 'too many nested expressions'],
    ['10,000 nested lambdas', 'x = ' + 'lambda: '.repeat(10000) + '1\n', 'too many nested expressions'],
    ['a 10,000-term sum', 'x = ' + Array(10000).fill('1').join(' + ') + '\n', 'too'],
    ['a 10,000-link attribute chain', 'x = a' + '.b'.repeat(10000) + '\n', 'too many nested expressions'],
  ];
  for (const [name, src, message] of cases) {
    it(`${name}: a SyntaxError, no JS stack overflow`, () => {
      const r = parse(src);
      assert.ok(!r.ok);
      assert.equal(r.error.errorType, 'SyntaxError');
      assert.ok(r.error.message.startsWith(message), r.error.message);
    });
  }

  it('reports too many nested parentheses at the 201st bracket, as CPython', () => {
    const src = 'x = ' + '('.repeat(250) + '1' + ')'.repeat(250) + '\n';
    const r = parse(src);
    assert.ok(!r.ok);
    assert.equal(r.error.span.start, 4 + 200);
  });

  it('accepts 199 nested parentheses and 150 nested lists', () => {
    assert.ok(parse('x = ' + '('.repeat(199) + '1' + ')'.repeat(199) + '\n').ok);
    assert.ok(parse('x = ' + '['.repeat(150) + ']'.repeat(150) + '\n').ok);
  });

  it('reports too many levels of indentation as an IndentationError', () => {
    const src = Array.from({ length: 101 }, (_, i) => ' '.repeat(i) + 'if x:\n').join('') + ' '.repeat(101) + 'pass\n';
    const r = parse(src);
    assert.ok(!r.ok);
    assert.deepEqual([r.error.errorType, r.error.message, new LineIndex(src).lineAt(r.error.span.start)], ['IndentationError', 'too many levels of indentation', 101]);
  });
});

describe('parse: speed', () => {
  it('lowers a 5,000-line file in well under a second of CPU', function () {
    this.timeout(30000);
    const unit = (i: number): string => `
@decorator(${i})
def f${i}(a, /, b=2, *args, c, d=3, **kw) -> int:
    """doc ${i}"""
    x = [j * 2 for j in range(10) if j % 2]
    y = {k: v for k, v in kw.items()}
    with open(a) as fh, (lambda: 0)() as z:
        s = f"{x!r:>10} {y=}"
    try:
        return x[1:2, ::3] if y else -a ** b
    except (ValueError, KeyError) as e:
        raise RuntimeError(f"bad {e}") from e
    finally:
        del x
    while not x and y or z:
        x += 1
        if x > 3:
            break
    return 0

class C${i}(Base, metaclass=M):
    attr: int = 0
    def m(self):
        return self.attr
`;
    let src = '';
    for (let i = 0; src.split('\n').length < 5000; i++) src += unit(i);
    parse(src); // warm up
    const t0 = process.cpuUsage();
    const runs = 3;
    for (let i = 0; i < runs; i++) assert.ok(parse(src).ok);
    const u = process.cpuUsage(t0);
    const ms = (u.user + u.system) / 1000 / runs;
    console.log(`      ${src.split('\n').length} lines: ${ms.toFixed(0)} ms CPU per parse`);
    assert.ok(ms < 1000, `${ms} ms`);
  });
});
