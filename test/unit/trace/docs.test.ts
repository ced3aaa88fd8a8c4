// docs/events.md stays true: every event kind (the Record below fails to compile when a kind is
// added) has a section and a JSON example, every example parses and replays, and the sentences the
// page quotes are the ones the timeline writes.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { TraceEvent, TraceEventKind } from '../../../src/engine/trace/events';
import { Timeline } from '../../../src/engine/trace/timeline';

const KINDS: Record<TraceEventKind, true> = {
  line: true, alloc: true, incref: true, decref: true, move: true, dealloc: true, update: true,
  call: true, return: true, exception: true, output: true, gc: true, gil: true, thread: true, lock: true, heap: true,
};

const doc = fs.readFileSync(path.join(__dirname, '../../../docs/events.md'), 'utf8');
const blocks = [...doc.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => m[1]!);

describe('docs/events.md', () => {
  it('documents every event kind with a JSON example that replays', () => {
    const examples: TraceEvent[] = [];
    for (const b of blocks) {
      if (!b.trimStart().startsWith('{"k"')) continue;
      for (const line of b.trim().split('\n')) examples.push(JSON.parse(line) as TraceEvent);
    }
    for (const k of Object.keys(KINDS)) {
      assert.ok(doc.includes(`\`${k}\``), `no section names \`${k}\``);
      assert.ok(examples.some((e) => e.k === k), `no JSON example of ${k}`);
    }
    const tl = new Timeline(examples);
    assert.equal(tl.stepCount, examples.filter((e) => e.k === 'line').length);
    tl.stateAt(tl.stepCount - 1);
  });

  it('shows a `pymem run --json` output with the documented keys', () => {
    const out = blocks.find((b) => b.includes('"lineSummaries"'));
    assert.ok(out);
    const parsed = JSON.parse(out) as Record<string, unknown>;
    assert.deepEqual(Object.keys(parsed), [
      'version', 'status', 'stdout', 'stderr', 'diagnostics', 'instructions', 'events', 'eventsTruncated', 'lineSummaries',
    ]);
    const tl = new Timeline(parsed.events as TraceEvent[]);
    assert.deepEqual(parsed.lineSummaries, [...tl.lineSummaries().values()]);
  });
});
