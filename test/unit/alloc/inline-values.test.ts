// 3.13 inline values: the allocation size of successive instances of one class, against the block
// sizes 3.13.0 gave them (fixtures/inline-values-3.13.json, written by record-inline-values.py from
// the pool headers of the blocks).
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { allocateInlineInstance, noteSharedKey, sharedKeysFor } from '../../../src/engine/objects/inline-values';
import { PyType } from '../../../src/engine/objects/model';
import { blockSizeOf, sizeClassOf } from '../../../src/engine/alloc/geometry';

function plainClass(): PyType {
  const object = new PyType(null, 'object', 'object');
  object.mro = [object];
  const t = new PyType(null, 'R', 'object');
  t.isHeap = true;
  t.mro = [t, object];
  return t;
}

describe('3.13 inline values', () => {
  it('successive instances shrink by one value slot until one usable slot is left', () => {
    const t = plainClass();
    t.sharedKeys = sharedKeysFor(t);
    const blocks: number[] = [];
    for (let i = 0; i < 30; i++) {
      blocks.push(blockSizeOf(sizeClassOf(allocateInlineInstance(t, 48))));
      if (i === 0) ['a', 'b'].forEach((n) => noteSharedKey(t, n));
    }
    // class R: def __init__(self): self.a = 1; self.b = 2
    const cpython = JSON.parse(readFileSync(join(__dirname, 'fixtures', 'inline-values-3.13.json'), 'utf8')) as { version: string; block_sizes: number[] };
    assert.equal(cpython.version, '3.13.0');
    assert.equal(cpython.block_sizes.length, 30);
    assert.deepEqual(blocks, cpython.block_sizes);
  });

  it('a class with slot members, without a __dict__ or with a non-object layout has no inline values', () => {
    // measured on 3.13.0 (Py_TPFLAGS_INLINE_VALUES): __slots__ = ('__dict__',) has them, ('x', '__dict__') not
    const t = plainClass();
    t.nslots = 1;
    assert.equal(sharedKeysFor(t), null);
    const d = plainClass();
    d.instDict = false;
    assert.equal(sharedKeysFor(d), null);
    assert.notEqual(sharedKeysFor(plainClass()), null);
    const e = plainClass();
    e.layout = 'BaseException';
    assert.equal(sharedKeysFor(e), null);
  });
});
