// Integrity of the oracle's data: every program is recorded for every version, every recording
// has its program, known gaps name real cases, and each program says what it checks. Also unit
// tests of the parsers in cases.ts.
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { PYTHON_VERSIONS } from '../../../src/engine/api';
import {
  EXPECTED_DIR, caseId, caseTitle, listExamples, listPrograms, loadCases, loadKnownGaps, matchesFilter, parseKnownGaps, parseRecording,
} from './cases';

describe('oracle data', function () {
  const programs = listPrograms();

  it('has at least 95 core and 45 gc programs', function () {
    assert.ok(programs.filter((p) => p.category === 'core').length >= 95);
    assert.ok(programs.filter((p) => p.category === 'gc').length >= 45);
  });

  const examples = listExamples();

  it('includes the examples a new user runs first', function () {
    assert.deepEqual(examples.map((e) => e.name), ['classes', 'closures', 'cycle', 'generators', 'lists', 'processes', 'refcounts', 'slots', 'threads']);
  });

  it('keeps each example short (10-40 lines) and opening with a comment for the learner', function () {
    const bad = examples.filter((e) => {
      const n = e.source.replace(/\n$/, '').split('\n').length;
      return !e.source.startsWith('# ') || n < 10 || n > 40;
    });
    assert.deepEqual(bad.map((e) => e.key), []);
  });

  it('records every program and example for every version (run `npm run oracle:record`)', function () {
    const { cases, unrecorded } = loadCases();
    assert.deepEqual(unrecorded, []);
    assert.equal(cases.length, programs.length + examples.length);
  });

  it('has no recording without a program', function () {
    const names = new Set([...programs, ...examples].map((p) => p.key));
    const orphans: string[] = [];
    if (existsSync(EXPECTED_DIR)) {
      for (const category of readdirSync(EXPECTED_DIR)) {
        for (const f of readdirSync(join(EXPECTED_DIR, category))) {
          if (!names.has(`${category}/${f.replace(/\.json$/, '')}`)) orphans.push(`${category}/${f}`);
        }
      }
    }
    assert.deepEqual(orphans, []);
  });

  it('lists known gaps only for recorded cases', function () {
    const ids = new Set(loadCases().cases.flatMap((c) => PYTHON_VERSIONS.map((v) => caseId(c.key, v))));
    const unknown = [...loadKnownGaps().keys()].filter((k) => !ids.has(k));
    assert.deepEqual(unknown, []);
  });

  it('opens every program with a comment saying what it checks, and keeps it small', function () {
    const bad = programs.filter((p) => {
      const lines = p.source.split('\n').filter((l, i, all) => i < all.length - 1 || l !== '');
      return !p.source.startsWith('# Checks: ') || lines.length < 10 || lines.length > 60;
    });
    assert.deepEqual(bad.map((p) => p.key), []);
  });
});

describe('oracle support: cases.ts parsers', function () {
  const run = { stdout: 'x\n', exit: 0, stderrLast: '' };
  const full = JSON.stringify({ '3.10': run, '3.11': run, '3.12': run, '3.13': run });

  it('parses a complete recording', function () {
    assert.deepEqual(parseRecording(full, 'f.json')['3.12'], run);
  });

  it('rejects recordings with missing versions, unknown keys or bad fields', function () {
    assert.throws(() => parseRecording(JSON.stringify({ '3.10': run }), 'f.json'), /missing recording for 3\.11/);
    assert.throws(() => parseRecording(JSON.stringify({ ...JSON.parse(full), '3.14': run }), 'f.json'), /unknown version keys 3\.14/);
    assert.throws(() => parseRecording(JSON.stringify({ ...JSON.parse(full), '3.11': { stdout: 1 } }), 'f.json'), /3\.11 must have/);
    assert.throws(() => parseRecording('{', 'f.json'), /not JSON/);
  });

  it('parses known gaps and rejects bad keys or empty reasons', function () {
    assert.equal(parseKnownGaps('{"core/a_b@3.10": "reason"}', 'g').get('core/a_b@3.10'), 'reason');
    assert.throws(() => parseKnownGaps('{"core/a_b @3.10": "r"}', 'g'), /bad key/);
    assert.throws(() => parseKnownGaps('{"core/a_b@3.9": "r"}', 'g'), /bad key/);
    assert.throws(() => parseKnownGaps('{"core/a_b@3.10": ""}', 'g'), /non-empty reason/);
    assert.throws(() => parseKnownGaps('[]', 'g'), /expected an object/);
  });

  it('names and filters cases', function () {
    assert.equal(caseId('core/x', '3.11'), 'core/x@3.11');
    assert.equal(caseTitle('core/x', '3.11'), 'core/x @3.11');
    assert.ok(matchesFilter('', 'core/x', '3.10'));
    assert.ok(matchesFilter('x@3.1', 'core/x', '3.10'));
    assert.ok(matchesFilter('x @3.13', 'core/x', '3.13'));
    assert.ok(matchesFilter('gc/', 'gc/pair', '3.12'));
    assert.ok(!matchesFilter('gc/', 'core/x', '3.12'));
  });
});
