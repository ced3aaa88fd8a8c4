// The tracemalloc module in the engine: exact accounting under the engine's model (one trace per
// program object, of its sys.getsizeof size), resizes, frees, peaks, statistics and their formatting.
// (CPython agreement on program-level facts is the oracle's job: test/oracle/programs/alloc.)
import { strict as assert } from 'node:assert';
import { simulate } from '../../../src/engine/index';
import { PYTHON_VERSIONS } from '../../../src/engine/api';

function run(src: string, version: '3.10' | '3.11' | '3.12' | '3.13' = '3.12'): string {
  const r = simulate(src, { version, filename: 'prog.py' });
  assert.equal(r.status, 'ok', r.stderr);
  return r.stdout;
}

describe('modules/tracemalloc', () => {
  for (const v of PYTHON_VERSIONS) {
    it(`traces exactly the sizes of objects created while tracing (${v})`, () => {
      const out = run(
        [
          'import sys, tracemalloc',
          'before = [None] * 10',
          'tracemalloc.start()',
          'a = [None] * 100',
          'cur = tracemalloc.get_traced_memory()[0]',
          'print(cur == sys.getsizeof(a))',
          'a.append(1)',
          'cur2 = tracemalloc.get_traced_memory()[0]',
          'print(cur2 - cur == sys.getsizeof(a) - sys.getsizeof([None] * 100) + sys.getsizeof(cur))',
          'del before',
          'print(tracemalloc.get_traced_memory()[0] >= cur2)',
        ].join('\n'),
        v,
      );
      assert.equal(out, 'True\nTrue\nTrue\n');
    });
  }

  it('keeps the peak after a free, and reset_peak / clear_traces / stop reset it', () => {
    const out = run(
      [
        'import sys, tracemalloc',
        'tracemalloc.start()',
        'x = [None] * 1000',
        'size = sys.getsizeof(x)',
        'del x',
        'cur, peak = tracemalloc.get_traced_memory()',
        'print(peak - cur >= size, cur < 200)',
        'tracemalloc.reset_peak()',
        'cur, peak = tracemalloc.get_traced_memory()',
        'print(peak == cur)',
        'y = [None] * 10',
        'tracemalloc.clear_traces()',
        'print(tracemalloc.get_traced_memory())',
        'del y',
        'print(tracemalloc.get_traced_memory()[0] >= 0)',
        'tracemalloc.stop()',
        'print(tracemalloc.get_traced_memory(), tracemalloc.is_tracing())',
      ].join('\n'),
    );
    assert.equal(out, 'True True\nTrue\n(0, 0)\nTrue\n(0, 0) False\n');
  });

  it('groups statistics by line, sorted by size, with counts and CPython formatting', () => {
    const out = run(
      [
        'import sys, tracemalloc',
        'class P:',
        '    __slots__ = ("v",)',
        '    def __init__(self, v):',
        '        self.v = v',
        'tracemalloc.start()',
        'objs = [P(None) for i in range(50)]',
        'big = [None] * 5000',
        'snap = tracemalloc.take_snapshot()',
        'stats = snap.statistics("lineno")',
        'print([s.traceback[0].lineno for s in stats[:2]])',
        'line7 = [s for s in stats if s.traceback[0].lineno == 7][0]',
        'print(line7.count, line7.size == 50 * sys.getsizeof(objs[0]) + sys.getsizeof(objs))',
        'print(str(stats[0]))',
        'print(repr(stats[0].traceback[0]))',
        'print(len(snap.traces), snap.traces[0].size > 0)',
      ].join('\n'),
    );
    const lines = out.split('\n');
    assert.equal(lines[0], '[8, 7]');
    assert.equal(lines[1], '51 True');
    assert.equal(lines[2], 'prog.py:8: size=39.1 KiB, count=1, average=39.1 KiB');
    assert.equal(lines[3], "<Frame filename='prog.py' lineno=8>");
  });

  it('compares snapshots (compare_to) and filters traces (filter_traces)', () => {
    const out = run(
      [
        'import tracemalloc',
        'tracemalloc.start()',
        'a = [None] * 1000',
        'b = [None] * 2000',
        's1 = tracemalloc.take_snapshot()',
        'del a',
        'c = [None] * 4000',
        's2 = tracemalloc.take_snapshot()',
        'd = s2.compare_to(s1, "lineno")',
        'print([(x.traceback[0].lineno, x.count_diff) for x in d if x.traceback[0].lineno in (3, 4, 7)])',
        'print(str(d[0]).split(":", 1)[1])',
        'f = s2.filter_traces([tracemalloc.Filter(True, "prog.py", lineno=4)])',
        'print([s.traceback[0].lineno for s in f.statistics("lineno")])',
        'g = s2.filter_traces([tracemalloc.Filter(False, "*.py")])',
        'print(len(g.traces))',
      ].join('\n'),
    );
    assert.equal(
      out,
      '[(7, 1), (3, -1), (4, 0)]\n' +
        '7: size=31.3 KiB (+31.3 KiB), count=1 (+1), average=31.3 KiB\n' +
        '[4]\n0\n',
    );
  });

  it('records the call stack up to the traceback limit, and object tracebacks', () => {
    const out = run(
      [
        'import tracemalloc',
        'def inner():',
        '    return [None] * 100',
        'def outer():',
        '    return inner()',
        'tracemalloc.start(5)',
        'x = outer()',
        'print([f.lineno for f in tracemalloc.get_object_traceback(x)])',
        'tracemalloc.stop()',
        'tracemalloc.start()',
        'y = outer()',
        'print([f.lineno for f in tracemalloc.get_object_traceback(y)], tracemalloc.get_object_traceback(x))',
        'print(tracemalloc.get_object_traceback(y).total_nframe)',
      ].join('\n'),
    );
    assert.equal(out, '[7, 5, 3]\n[3] None\nNone\n');
  });

  it('does not trace the objects its own Python code builds (snapshots, statistics)', () => {
    const out = run(
      [
        'import tracemalloc',
        'tracemalloc.start()',
        'x = [None] * 100',
        'before = tracemalloc.get_traced_memory()[0]',
        'snap = tracemalloc.take_snapshot()',
        'stats = snap.statistics("traceback")',
        'after = tracemalloc.get_traced_memory()[0]',
        'print(after - before < 200)',
      ].join('\n'),
    );
    assert.equal(out, 'True\n');
  });

  it('raises as CPython does on bad arguments', () => {
    const r = simulate('import tracemalloc\ntracemalloc.take_snapshot()\n', { version: '3.12', filename: 'prog.py' });
    assert.equal(r.status, 'exception');
    assert.match(r.stderr, /RuntimeError: the tracemalloc module must be tracing memory allocations to take a snapshot/);
    const r2 = simulate('import tracemalloc\ntracemalloc.start()\ntracemalloc.take_snapshot().statistics("cumulative", True)\n', { version: '3.12', filename: 'prog.py' });
    assert.match(r2.stderr, /ValueError: unknown key_type: 'cumulative'/);
  });
});
