// LineIndex: offsets <-> 1-based lines and 0-based UTF-16 columns, for every kind of line break.
import { strict as assert } from 'node:assert';
import { LineIndex } from '../../../src/engine/parse/lines';

describe('LineIndex', () => {
  it('maps offsets to lines and columns with \\n breaks', () => {
    const li = new LineIndex('ab\ncd\n\nef');
    assert.equal(li.lineCount, 4);
    assert.deepEqual(li.position(0), { line: 1, col: 0 });
    assert.deepEqual(li.position(2), { line: 1, col: 2 }); // the \n itself ends line 1
    assert.deepEqual(li.position(3), { line: 2, col: 0 });
    assert.deepEqual(li.position(6), { line: 3, col: 0 });
    assert.deepEqual(li.position(7), { line: 4, col: 0 });
    assert.deepEqual(li.position(9), { line: 4, col: 2 });
  });

  it('treats \\r\\n and a lone \\r as one line break each, as CPython does', () => {
    const li = new LineIndex('a\r\nb\rc\n');
    assert.equal(li.lineCount, 4);
    assert.equal(li.lineAt(3), 2);
    assert.equal(li.lineAt(5), 3);
    assert.equal(li.lineText(1), 'a');
    assert.equal(li.lineText(2), 'b');
    assert.equal(li.lineText(3), 'c');
    assert.equal(li.lineText(4), '');
    assert.equal(li.lineStart(2), 3);
    assert.equal(li.lineEnd(1), 1);
  });

  it('counts columns in UTF-16 code units (an emoji is two)', () => {
    const src = 's = "😀é"; t';
    const li = new LineIndex(src);
    assert.deepEqual(li.position(src.indexOf('t')), { line: 1, col: 11 });
    assert.equal(src.indexOf('t'), 11);
  });

  it('round-trips offsets through line and column', () => {
    const src = 'def f():\r\n    return 1\n\n# end\rx = 2';
    const li = new LineIndex(src);
    for (let off = 0; off <= src.length; off++) {
      const { line, col } = li.position(off);
      if (src[off - 1] === '\r' && src[off] === '\n') continue; // inside a \r\n pair
      assert.equal(li.offsetAt(line, col), off, `offset ${off}`);
    }
  });

  it('gives editor ranges for spans', () => {
    const src = 'x = 1\nif x:\n    y = [1,\n      2]\n';
    const li = new LineIndex(src);
    assert.deepEqual(li.range({ start: src.indexOf('['), end: src.indexOf(']') + 1 }), { startLine: 3, startCol: 8, endLine: 4, endCol: 8 });
    assert.deepEqual(li.range({ start: 0, end: 0 }), { startLine: 1, startCol: 0, endLine: 1, endCol: 0 });
  });

  it('clamps out-of-range input instead of throwing', () => {
    const li = new LineIndex('ab\ncd');
    assert.deepEqual(li.position(-5), { line: 1, col: 0 });
    assert.deepEqual(li.position(99), { line: 2, col: 2 });
    assert.equal(li.lineStart(0), 0);
    assert.equal(li.lineStart(99), 3);
    assert.equal(li.lineText(99), 'cd');
    assert.equal(li.offsetAt(1, 99), 2);
  });

  it('handles the empty source', () => {
    const li = new LineIndex('');
    assert.equal(li.lineCount, 1);
    assert.deepEqual(li.position(0), { line: 1, col: 0 });
    assert.equal(li.lineText(1), '');
  });
});
