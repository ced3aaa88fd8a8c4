// Private name mangling (_Py_Mangle) and where the compiler applies it.
import { strict as assert } from 'node:assert';
import { mangle } from '../../../src/engine/compile/mangle';
import { simulate } from '../../../src/engine/index';

describe('compile/mangle', () => {
  it('follows _Py_Mangle: private names only, class name without leading underscores', () => {
    assert.equal(mangle('A', '__x'), '_A__x');
    assert.equal(mangle('__Inner', '__q'), '_Inner__q');
    assert.equal(mangle(null, '__x'), '__x');
    assert.equal(mangle('A', '__init__'), '__init__');
    assert.equal(mangle('A', '___'), '___');
    assert.equal(mangle('A', '__'), '__');
    assert.equal(mangle('A', '_x'), '_x');
    assert.equal(mangle('A', '__a.b'), '__a.b');
    assert.equal(mangle('___', '__x'), '__x');
    assert.equal(mangle('A', '_A__x'), '_A__x');
  });

  it('mangles names, attributes, parameters and imports in class bodies but not call keywords', () => {
    const src = [
      'import sys',
      'class A:',
      '    import sys as __s',
      '    def f(self, __p):',
      '        self.__x = __p',
      '        return [__i for __i in range(1)]',
      'a = A()',
      'a.f(1)',
      'print(vars(a), A._A__s is sys, a.f(__p=2) if False else 0)',
      'try:',
      '    a.f(__p=2)',
      'except TypeError as e:',
      '    print(e)',
    ].join('\n');
    const r = simulate(src, { version: '3.12', filename: 'm.py' });
    assert.equal(r.stdout, "{'_A__x': 1} True 0\nA.f() got an unexpected keyword argument '__p'\n");
  });
});
