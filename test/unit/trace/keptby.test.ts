// The panel inspector's "Kept alive by" chain: keptByLinks gives every object of a heap state the next link
// of its shortest chain to a root, and following the links gives the same chain the hover shows
// (the engine's rootPath), or nothing for objects only cycles keep alive.
import assert from 'node:assert/strict';
import { simulate } from '../../../src/engine/index';
import { keptByLinks, rootPath } from '../../../src/engine/trace/paths';
import { Timeline } from '../../../src/engine/trace/timeline';

const SRC = `
class Node:
    pass
cache = {"k": [1, 2, [3]]}
a = Node()
b = Node()
a.other = b
b.other = a
del a, b
x = 1
`;

describe('trace: kept-alive chains for every object', () => {
  const r = simulate(SRC, { version: '3.12', recordEvents: true });
  const tl = new Timeline(r.events);
  // the step of the last line (the step after it is the interpreter's shutdown)
  const state = tl.stateAt(tl.stepCount - 2);
  const links = keptByLinks(state.objects);
  const chainOf = (id: number): string[] => {
    const out: string[] = [];
    for (let cur: number | undefined = id, guard = 0; cur !== undefined && guard < 50; guard++) {
      const l = links.get(cur);
      if (!l) return out;
      out.unshift(l.text);
      cur = l.obj;
    }
    return out;
  };

  it('follows the links from a nested object up to the name that holds it, as the hover does', () => {
    const inner = state.objects.find((o) => o.type === 'list' && o.repr === 'list (1 items)')!;
    const chain = chainOf(inner.id);
    assert.equal(chain.length, 3, chain.join(' → '));
    assert.match(chain[0], /cache/);
    assert.deepEqual(chain, rootPath(state, inner.id)!.map((x) => x.text));
  });

  it('gives no chain to objects that only a reference cycle keeps alive', () => {
    const nodes = state.objects.filter((o) => o.type === 'Node');
    assert.equal(nodes.length, 2);
    for (const n of nodes) {
      assert.equal(links.has(n.id), false);
      assert.equal(rootPath(state, n.id), null);
    }
  });
});
