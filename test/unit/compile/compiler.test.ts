// The compiler's reference-relevant choices, checked on its disassembly: which values become constants
// (CPython's folding), how list literals are built, how `except ... as e` moves and deletes the name,
// how comprehensions and closures are compiled, and the compile-time errors a learner meets.
import assert from 'node:assert/strict';
import { Compiler } from '../../../src/engine/compile/compiler';
import { simulate } from '../../../src/engine/index';
import { disassemble } from '../../../src/engine/compile/disasm';
import type { CodeObject } from '../../../src/engine/compile/code';
import { parse } from '../../../src/engine/parse';
import { LineIndex } from '../../../src/engine/parse/lines';
import { getProfile } from '../../../src/engine/profiles';

function compile(src: string, version: '3.10' | '3.12' = '3.12'): CodeObject {
  const p = parse(src);
  if (!p.ok) throw new Error(p.error.message);
  const li = new LineIndex(src);
  return Compiler.compileModule(p.module, getProfile(version), (o) => li.position(o).line);
}

function ops(src: string, version: '3.10' | '3.12' = '3.12'): string[] {
  return disassemble(compile(src, version), false)
    .split('\n')
    .slice(1)
    .map((l) => l.slice(10).replace(/\s+/g, ' ').trim());
}

describe('compiler', () => {
  it('folds constant expressions as CPython does, within its size limits', () => {
    assert.deepEqual(ops('x = 1000 + 1'), ['LOAD_CONST 1001', 'STORE_NAME x', 'LOAD_CONST None', 'RETURN_VALUE']);
    assert.deepEqual(ops('t = (1, 2, (3, 4))').slice(0, 1), ['LOAD_CONST (1, 2, (3, 4))']);
    assert.deepEqual(ops('n = -5').slice(0, 1), ['LOAD_CONST -5']);
    assert.deepEqual(ops('b = True & False').slice(0, 1), ['LOAD_CONST False']);
    // 2 ** 200 is past the 128-bit limit: computed at run time
    assert.deepEqual(ops('big = 2 ** 200').slice(0, 3), ['LOAD_CONST 2', 'LOAD_CONST 200', 'BINARY_OP **']);
  });

  it('builds list literals of more than two constants by extending from a constant tuple', () => {
    assert.deepEqual(ops('a = [1, 2, 3]').slice(0, 3), ['BUILD_LIST 0', 'LOAD_CONST (1, 2, 3)', 'LIST_EXTEND 1']);
    assert.deepEqual(ops('a = [1, 2]').slice(0, 3), ['LOAD_CONST 1', 'LOAD_CONST 2', 'BUILD_LIST 2']);
    assert.deepEqual(ops('n = 1\na = [n, n, n]').slice(2, 6), ['LOAD_NAME n', 'LOAD_NAME n', 'LOAD_NAME n', 'BUILD_LIST 3']);
  });

  it('moves the exception into the `as` name and deletes the name when the handler ends', () => {
    const d = ops('try:\n    pass\nexcept ValueError as e:\n    e\n');
    const store = d.indexOf('STORE_NAME e');
    assert.ok(store > 0 && d[store - 1].startsWith('JUMP_IF_NOT_EXC_MATCH'), 'no DUP_TOP: the stack reference moves into e');
    assert.deepEqual(d.slice(d.indexOf('POP_BLOCK', store), d.indexOf('POP_BLOCK', store) + 5), [
      'POP_BLOCK', 'LOAD_CONST None', 'STORE_NAME e', 'DELETE_NAME e', 'POP_EXCEPT',
    ]);
  });

  it('uses LOAD_METHOD/CALL_METHOD for obj.m(...), and on 3.10 only without keyword arguments', () => {
    assert.ok(ops('o = 1\no.m(1)').includes('LOAD_METHOD m'));
    assert.ok(ops('o = 1\no.m(k=1)', '3.12').includes('LOAD_METHOD m'));
    assert.ok(!ops('o = 1\no.m(k=1)', '3.10').includes('LOAD_METHOD m'));
  });

  it('compiles comprehensions into their own code object with the first iterable evaluated outside', () => {
    const code = compile('xs = [i * i for i in range(3)]');
    const inner = code.consts.find((c) => c.t === 'code');
    assert.ok(inner && inner.t === 'code');
    assert.equal(inner.code.qualname, '<listcomp>');
    assert.deepEqual(inner.code.varnames, ['.0', 'i']);
    const d = ops('xs = [i * i for i in range(3)]');
    assert.ok(d.indexOf('GET_ITER') < d.lastIndexOf('CALL_FUNCTION 1'));
  });

  it('gives captured variables cells and inner functions free variables', () => {
    const code = compile('def outer():\n    x = 1\n    def inner():\n        return x\n    return inner\n');
    const outer = code.consts.find((c) => c.t === 'code' && c.code.name === 'outer');
    assert.ok(outer && outer.t === 'code');
    assert.deepEqual(outer.code.cellvars, ['x']);
    const inner = outer.code.consts.find((c) => c.t === 'code');
    assert.ok(inner && inner.t === 'code');
    assert.deepEqual(inner.code.freevars, ['x']);
    assert.equal(inner.code.qualname, 'outer.<locals>.inner');
  });

  it('turns compile-time errors into a SyntaxError of the run, with its line (messages: parse fixtures)', () => {
    for (const [src, line] of [['x = 1\nreturn 1', 2], ['break', 1], ['for i in []:\n    pass\ncontinue', 3]] as const) {
      const r = simulate(src, { version: '3.12' });
      assert.equal(r.status, 'syntax-error', src);
      assert.equal(r.diagnostics[0].range.startLine, line, src);
      assert.match(r.stderr, /^SyntaxError: /m);
    }
  });

  it('gives every instruction a source line', () => {
    const code = compile('a = 1\n\nb = a + 2\nprint(b)\n');
    assert.equal(code.lines.length, code.code.length / 2);
    assert.deepEqual([...new Set(code.lines)], [1, 3, 4]);
  });
});
