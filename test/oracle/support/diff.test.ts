// Unit tests of the oracle's unified diff (test/oracle/support/diff.ts).
import { strict as assert } from 'node:assert';
import { splitLines, unifiedDiff } from './diff';

describe('oracle support: unifiedDiff', function () {
  it('is empty for equal texts', function () {
    assert.equal(unifiedDiff('a\nb\n', 'a\nb\n'), '');
    assert.equal(unifiedDiff('', ''), '');
  });

  it('splits lines without inventing a trailing empty line', function () {
    assert.deepEqual(splitLines('a\nb\n'), ['a', 'b']);
    assert.deepEqual(splitLines('a\n\nb'), ['a', '', 'b']);
    assert.deepEqual(splitLines(''), []);
  });

  it('shows a changed line with context and hunk header', function () {
    const d = unifiedDiff('1\n2\n3\n4\n5\n', '1\n2\nX\n4\n5\n');
    assert.equal(d, ['--- expected', '+++ actual', '@@ -1,5 +1,5 @@', ' 1', ' 2', '-3', '+X', ' 4', ' 5'].join('\n'));
  });

  it('keeps far-apart changes in separate hunks', function () {
    const a = Array.from({ length: 20 }, (_, i) => `l${i}`);
    const b = [...a];
    b[1] = 'first';
    b[18] = 'second';
    const d = unifiedDiff(a.join('\n') + '\n', b.join('\n') + '\n', { expected: 'e', actual: 'a' }, 2);
    const headers = d.split('\n').filter((l) => l.startsWith('@@'));
    assert.deepEqual(headers, ['@@ -1,4 +1,4 @@', '@@ -17,4 +17,4 @@']);
  });

  it('handles insertions and deletions', function () {
    assert.equal(unifiedDiff('a\nc\n', 'a\nb\nc\n'), ['--- expected', '+++ actual', '@@ -1,2 +1,3 @@', ' a', '+b', ' c'].join('\n'));
    assert.equal(unifiedDiff('a\nb\n', ''), ['--- expected', '+++ actual', '@@ -1,2 +0,0 @@', '-a', '-b'].join('\n'));
  });

  it('reports a missing final newline', function () {
    const d = unifiedDiff('a\n', 'a');
    assert.match(d, /final newline: expected has one, actual lacks one/);
  });
});
