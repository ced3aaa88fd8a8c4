// The CPython oracle: every recorded program (test/oracle/programs) is simulated under every profile
// and compared with what the real interpreter printed (test/oracle/expected, written only by
// `npm run oracle:record`). One `it` per program x version, titled "core/refcount_args @3.11".
// Cases listed in known-gaps.json must still fail (so a fix forces their removal from the list).
// ORACLE_FILTER=substring runs a subset (matched against "core/name@3.11" and "core/name @3.11").
// ORACLE_UPDATE_GAPS=1 rewrites known-gaps.json from this run (for the cases that ran): failing cases
// are added with a one-line reason (existing reasons kept), passing ones removed; nothing fails then.
import { strict as assert } from 'node:assert';
import { simulate } from '../../src/engine/index';
import { PYTHON_VERSIONS, type PythonVersion, type SimulationResult } from '../../src/engine/api';
import { caseId, caseTitle, loadCases, loadKnownGaps, matchesFilter, writeKnownGaps, KNOWN_GAPS_FILE } from './support/cases';
import { describeFailure, judge, summarizeVerdict, type Verdict } from './support/compare';

const filter = process.env.ORACLE_FILTER ?? '';
const updateGaps = process.env.ORACLE_UPDATE_GAPS === '1';
const { cases } = loadCases();
const gaps = loadKnownGaps();

function run(source: string, version: PythonVersion, name: string): SimulationResult | Error {
  try {
    return simulate(source, { version, filename: `${name}.py` });
  } catch (e) {
    // simulate() promises never to throw; if it does, that is a failure of this case, not of the suite
    return e instanceof Error ? e : new Error(String(e));
  }
}

describe('oracle: engine vs recorded CPython', function () {
  const tally = { passed: 0, gaps: 0, failed: 0 };
  /** cases that ran in this process -> failure reason, or null when they matched */
  const observed = new Map<string, string | null>();

  after(function () {
    const selected = filter ? ` (ORACLE_FILTER=${JSON.stringify(filter)})` : '';
    console.log(`\n  oracle: ${tally.passed} passed, ${tally.gaps} known gaps, ${tally.failed} failed${selected}`);
    if (!updateGaps) return;
    const next = new Map(gaps);
    for (const [id, reason] of observed) {
      if (reason === null) next.delete(id);
      else if (!next.has(id)) next.set(id, reason);
    }
    writeKnownGaps(next);
    console.log(`  oracle: wrote ${next.size} known gaps to ${KNOWN_GAPS_FILE}`);
  });

  for (const c of cases) {
    for (const version of PYTHON_VERSIONS) {
      if (!matchesFilter(filter, c.key, version)) continue;
      const id = caseId(c.key, version);
      const gapReason = gaps.get(id);
      it(caseTitle(c.key, version), function () {
        const result = run(c.source, version, c.name);
        let verdict: Verdict;
        let reason: string;
        if (result instanceof Error) {
          verdict = { ok: false, problems: [`simulate() threw: ${result.stack ?? result.message}`], stdoutDiff: '' };
          reason = `simulate() threw: ${result.message}`;
        } else {
          verdict = judge(c.expected[version], result);
          reason = verdict.ok ? '' : summarizeVerdict(verdict, c.expected[version].stdout, result.stdout);
        }
        observed.set(id, verdict.ok ? null : reason);
        if (updateGaps) {
          if (verdict.ok) tally.passed++;
          else tally.gaps++;
          return;
        }
        if (gapReason !== undefined) {
          if (verdict.ok) {
            tally.failed++;
            assert.fail(`${id} now matches CPython: remove it from ${KNOWN_GAPS_FILE} (was a known gap: ${gapReason})`);
          }
          tally.gaps++;
          return;
        }
        if (!verdict.ok) {
          tally.failed++;
          assert.fail(describeFailure(id, verdict));
        }
        tally.passed++;
      });
    }
  }
});
