// The editor-side lexer: which token is a name, attribute or parameter; logical lines; def bodies.
import { strict as assert } from 'node:assert';
import { enclosingClass, functionBodyLines, lineText, nameAt, offsetAt, scan, statementLines } from '../../../src/host/present/source';

const at = (src: string, needle: string, nth = 0, delta = 0) => {
  let i = -1;
  for (let k = 0; k <= nth; k++) i = src.indexOf(needle, i + 1);
  assert.ok(i >= 0, `${needle} not in source`);
  return nameAt(scan(src), i + delta);
};

describe('host/present/source', () => {
  it('finds plain names, including at the end of the token', () => {
    const src = 'data = [1, 2]\nprint(data)\n';
    assert.deepEqual(at(src, 'data', 1)?.path, ['data']);
    assert.equal(at(src, 'data', 0, 4)?.name, 'data');
    assert.equal(at(src, 'data', 1)?.line, 2);
    assert.equal(at(src, 'data', 1)?.kind, 'name');
  });

  it('ignores keywords, numbers, strings, comments and f-string text', () => {
    const src = 'if x in y: pass  # data here\ns = "data" + \'\'\'data\nmore data\'\'\' + f"data {z}"\nv = 1e5\n';
    assert.equal(at(src, 'if'), undefined);
    assert.equal(at(src, 'in'), undefined);
    assert.equal(at(src, 'data', 0), undefined);
    assert.equal(at(src, 'data', 1), undefined);
    assert.equal(at(src, 'data', 2), undefined);
    assert.equal(at(src, 'more'), undefined);
    assert.equal(at(src, 'data', 4), undefined);
    assert.equal(at(src, 'e5'), undefined);
    assert.equal(at(src, 'x')?.name, 'x');
  });

  it('finds names inside f-string replacement fields, not in their text or format spec', () => {
    const src = 'print(f"total {count} of {self.items!r:>{width}} and {{literal}}")\n';
    assert.deepEqual(at(src, 'count')?.path, ['count']);
    assert.deepEqual(at(src, 'items')?.path, ['self', 'items']);
    assert.equal(at(src, 'total'), undefined);
    assert.equal(at(src, 'literal'), undefined);
    assert.equal(at(src, 'r:'), undefined);
    assert.equal(at(src, 'print')?.name, 'print');
  });

  it('classifies attribute targets with their owner chain', () => {
    const src = 'self.items = []\na.b.c = 1\nf().x = 2\n';
    assert.deepEqual(at(src, 'items')?.path, ['self', 'items']);
    assert.equal(at(src, 'items')?.kind, 'attribute');
    assert.deepEqual(at(src, 'c ')?.path, ['a', 'b', 'c']);
    assert.deepEqual(at(src, 'self')?.path, ['self']);
    assert.equal(at(src, 'x ='), undefined);
  });

  it('classifies def parameters but not defaults or annotations', () => {
    const src = 'def f(a, b=c, *args, d: int = 1, **kw):\n    return a\n';
    for (const p of ['a,', 'b=', 'args', 'd:', 'kw']) {
      const n = at(src, p);
      assert.equal(n?.kind, 'parameter', p);
      assert.deepEqual(n?.func, { name: 'f', defLine: 1 });
    }
    assert.equal(at(src, 'c,')?.kind, 'name');
    assert.equal(at(src, 'int')?.kind, 'name');
    assert.equal(at(src, 'a\n')?.kind, 'name');
  });

  it('groups physical lines into logical statements', () => {
    const src = 'x = [\n  1,\n  2]\ny = 1 + \\\n  2\ns = """a\nb"""\nz = 3\n';
    const s = scan(src);
    assert.deepEqual(statementLines(s, 2), [1, 2, 3]);
    assert.deepEqual(statementLines(s, 5), [4, 5]);
    assert.deepEqual(statementLines(s, 7), [6, 7]);
    assert.deepEqual(statementLines(s, 8), [8]);
    assert.equal(lineText(s, 8), 'z = 3');
    assert.equal(offsetAt(s, 8, 0), src.indexOf('z = 3'));
  });

  it('finds the body lines of a def, including a one-line body', () => {
    const src = 'def f(a,\n      b):\n    x = a\n\n    # c\n    return x\ny = 1\ndef g(z): return z\n';
    const s = scan(src);
    assert.deepEqual(functionBodyLines(s, 1), [3, 6]);
    assert.deepEqual(functionBodyLines(s, 8), [8]);
  });

  it('finds the innermost class around a line (the name that mangles private names there)', () => {
    const src = 'class A(B):\n    x = 1\n    def f(self,\n          a):\n\n        # c\n        self.__x = a\n    class __N:\n        def m(self): return self.__q\n    y = 2\ndef g():\n    return 1\n';
    const s = scan(src);
    assert.equal(enclosingClass(s, 1), null);
    assert.equal(enclosingClass(s, 2), 'A');
    assert.equal(enclosingClass(s, 4), 'A');
    assert.equal(enclosingClass(s, 7), 'A');
    assert.equal(enclosingClass(s, 8), 'A');
    assert.equal(enclosingClass(s, 9), '__N');
    assert.equal(enclosingClass(s, 10), 'A');
    assert.equal(enclosingClass(s, 12), null);
  });
});
