// Unit tests of the oracle's verdict rules (test/oracle/support/compare.ts).
import { strict as assert } from 'node:assert';
import { describeFailure, judge, lastNonEmptyLine, summarizeVerdict, type EngineOutcome, type RecordedRun } from './compare';

const ok: RecordedRun = { stdout: '1\n2\n', exit: 0, stderrLast: '' };
const raised: RecordedRun = { stdout: 'start\n', exit: 1, stderrLast: 'ZeroDivisionError: division by zero' };

function outcome(partial: Partial<EngineOutcome>): EngineOutcome {
  return { status: 'ok', stdout: '', stderr: '', diagnostics: [], ...partial };
}

describe('oracle support: judge', function () {
  it('takes the last non-empty stderr line', function () {
    assert.equal(lastNonEmptyLine('Traceback:\n  File "x.py"\nKeyError: 1\n\n'), 'KeyError: 1');
    assert.equal(lastNonEmptyLine('a\r\nb\r\n'), 'b');
    assert.equal(lastNonEmptyLine(''), '');
  });

  it('accepts equal stdout with status ok for exit 0', function () {
    assert.deepEqual(judge(ok, outcome({ stdout: '1\n2\n' })), { ok: true, problems: [], stdoutDiff: '' });
  });

  it('rejects different stdout with a diff', function () {
    const v = judge(ok, outcome({ stdout: '1\n3\n' }));
    assert.equal(v.ok, false);
    assert.deepEqual(v.problems, ['stdout differs']);
    assert.match(v.stdoutDiff, /-2\n\+3/);
  });

  it('rejects a non-ok status when CPython exited 0, naming the diagnostic', function () {
    const v = judge(ok, outcome({ stdout: '1\n2\n', status: 'unsupported', diagnostics: [{ kind: 'unsupported', message: 'line 3: `match` statements are not simulated yet' }] }));
    assert.equal(v.ok, false);
    assert.match(v.problems[0], /status 'unsupported', CPython exited 0 \(unsupported: line 3/);
  });

  it('explains a status with the matching diagnostic, not an informational one', function () {
    const v = judge(ok, outcome({
      stdout: '1\n2\n',
      status: 'budget',
      diagnostics: [{ kind: 'cycle', message: 'a cycle' }, { kind: 'budget', message: 'step budget exhausted' }],
    }));
    assert.match(v.problems[0], /\(budget: step budget exhausted\)$/);
  });

  it('accepts an exception with the same last stderr line for exit 1', function () {
    const stderr = 'Traceback (most recent call last):\n  File "p.py", line 3, in <module>\nZeroDivisionError: division by zero\n';
    assert.equal(judge(raised, outcome({ stdout: 'start\n', status: 'exception', stderr })).ok, true);
    const syntax: RecordedRun = { stdout: '', exit: 1, stderrLast: "SyntaxError: '[' was never closed" };
    assert.equal(judge(syntax, outcome({ status: 'syntax-error', stderr: "  File \"p.py\"\nSyntaxError: '[' was never closed\n" })).ok, true);
  });

  it('rejects a different exception line or an ok status for exit 1', function () {
    const wrongLine = judge(raised, outcome({ stdout: 'start\n', status: 'exception', stderr: 'ZeroDivisionError: float division by zero\n' }));
    assert.equal(wrongLine.ok, false);
    assert.match(wrongLine.problems[0], /last stderr line differs/);
    const noRaise = judge(raised, outcome({ stdout: 'start\n', status: 'ok' }));
    assert.equal(noRaise.ok, false);
    assert.match(noRaise.problems[0], /status 'ok', CPython exited 1/);
    assert.equal(judge(raised, outcome({ stdout: 'start\n', status: 'budget' })).ok, false);
  });

  it('formats a failure with problems and the diff', function () {
    const v = judge(ok, outcome({ stdout: '1\n', status: 'exception', stderr: 'ValueError: x\n' }));
    const text = describeFailure('core/x@3.11', v);
    assert.match(text, /^core\/x@3\.11: stdout differs; status 'exception', CPython exited 0 \(stderr: ValueError: x\)/);
    assert.match(text, /--- CPython stdout\n\+\+\+ engine stdout/);
  });
});

describe('oracle support: summarizeVerdict', function () {
  it('names the first differing stdout line', function () {
    const v = judge(ok, outcome({ stdout: '1\n3\n' }));
    assert.equal(summarizeVerdict(v, ok.stdout, '1\n3\n'), 'stdout line 2: CPython "2", engine "3"');
    const short = judge(ok, outcome({ stdout: '1\n' }));
    assert.equal(summarizeVerdict(short, ok.stdout, '1\n'), 'stdout line 2: CPython "2", engine ""');
  });

  it('prefers a status problem and keeps it on one line', function () {
    const v = judge(raised, outcome({ stdout: 'start\n', status: 'exception', stderr: 'ValueError: x\n' }));
    assert.equal(summarizeVerdict(v, raised.stdout, 'start\n'),
      'last stderr line differs: CPython: "ZeroDivisionError: division by zero" engine: "ValueError: x"');
  });
});
