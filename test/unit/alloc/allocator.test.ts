// The pymalloc model: size classes, LIFO reuse per pool, pool transitions, arena release, raw requests,
// geometry per version, and the heap-map snapshot / event stream.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Allocator, freeListKind, type AllocEvent } from '../../../src/engine/alloc/allocator';
import { FreeLists } from '../../../src/engine/alloc/freelists';
import { PyDict, PyFloat, PyList, PyTuple, PyType } from '../../../src/engine/objects/model';
import {
  LARGE_ARENAS, POOL_OVERHEAD, SMALL_ARENAS, blockSizeOf, blocksPerPool, geometryFor, sizeClassOf,
} from '../../../src/engine/alloc/geometry';
import { PYTHON_VERSIONS } from '../../../src/engine/api';

interface MallocStats {
  arenaSize: number;
  poolSize: number;
  alignmentLossPerArena: number;
  blocksPerPool: Record<string, number>;
}

function poolOf(a: Allocator, addr: number): number {
  const loc = a.locate(addr);
  assert.equal(loc.kind, 'pymalloc');
  return loc.kind === 'pymalloc' ? loc.pool : -1;
}

describe('alloc/geometry', () => {
  it('maps requests to 16-byte size classes up to 512 bytes', () => {
    assert.deepEqual([1, 16, 17, 32, 33, 56, 64, 500, 512].map(sizeClassOf), [0, 0, 1, 1, 2, 3, 3, 31, 31]);
    assert.equal(blockSizeOf(3), 64);
    assert.equal(blocksPerPool(LARGE_ARENAS, 3), Math.floor((16384 - POOL_OVERHEAD) / 64));
    assert.equal(blocksPerPool(SMALL_ARENAS, 31), 7);
  });
  it("matches each version's sys._debugmallocstats (fixtures/mallocstats.json, recorded by record-mallocstats.py)", () => {
    const facts = JSON.parse(readFileSync(join(__dirname, 'fixtures', 'mallocstats.json'), 'utf8')) as Record<string, MallocStats>;
    for (const v of PYTHON_VERSIONS) {
      const f = facts[v];
      const g = geometryFor(v);
      assert.deepEqual(g, { arenaSize: f.arenaSize, poolSize: f.poolSize }, v);
      for (const [cls, n] of Object.entries(f.blocksPerPool)) assert.equal(blocksPerPool(g, Number(cls)), n, `${v} class ${cls}`);
      assert.ok(Object.keys(f.blocksPerPool).length >= 20, `${v}: enough size classes observed`);
      // mmap'd arenas are page-, not pool-aligned: one pool's worth is lost, as the model's arenas do
      const a = new Allocator(g);
      a.allocate(16);
      const arena = a.snapshot().arenas[0];
      assert.equal((g.arenaSize / g.poolSize - arena.totalPools) * g.poolSize, f.alignmentLossPerArena, v);
    }
  });
  it('refuses a geometry that is not powers of two', () => {
    assert.throws(() => new Allocator({ arenaSize: 100000, poolSize: 4096 }), RangeError);
    assert.throws(() => new Allocator({ arenaSize: 4096, poolSize: 4096 }), RangeError);
  });
});

describe('alloc/pymalloc', () => {
  it('gives 16-byte aligned blocks after the pool header, one pool per size class', () => {
    const a = new Allocator();
    const x = a.allocate(24);
    const y = a.allocate(24);
    const z = a.allocate(100);
    assert.equal(x % 16, 0);
    assert.equal(y - x, 32);
    assert.equal(x - poolOf(a, x), POOL_OVERHEAD);
    assert.notEqual(poolOf(a, z), poolOf(a, x));
    assert.equal(poolOf(a, z) - poolOf(a, x), LARGE_ARENAS.poolSize);
    const arena = a.snapshot().arenas[0];
    assert.equal(arena.totalPools, 63, '16 KiB pools: the page-aligned arena loses one pool to alignment');
    assert.equal(arena.untouchedPools, 61);
  });

  it('reports blocks only when asked (two events per object otherwise thrown away)', () => {
    const a = new Allocator(LARGE_ARENAS);
    const events: AllocEvent[] = [];
    a.onEvent = (e) => events.push(e);
    const x = a.allocate(32);
    a.free(x, 32);
    assert.deepEqual(events.filter((e) => e.k.startsWith('block')), []);
    a.blockEvents = true;
    const y = a.allocate(32);
    a.free(y, 32);
    assert.deepEqual(events.filter((e) => e.k.startsWith('block')).map((e) => e.k), ['block-alloc', 'block-free']);
  });

  it('reuses freed blocks LIFO within a pool, before virgin blocks', () => {
    const a = new Allocator();
    const b = [0, 1, 2, 3].map(() => a.allocate(48));
    a.free(b[1], 48);
    a.free(b[3], 48);
    a.free(b[0], 48);
    assert.equal(a.allocate(40), b[0]);
    assert.equal(a.allocate(33), b[3]);
    assert.equal(a.allocate(48), b[1]);
    assert.equal(a.allocate(48), b[3] + 48);
  });

  it('frees by address even when the object grew meanwhile (size given at free is ignored)', () => {
    const a = new Allocator();
    const x = a.allocate(56);
    a.free(x, 88);
    assert.equal(a.allocate(56), x);
    assert.equal(a.live, 1);
    a.free(0x1234, 16);
    assert.equal(a.live, 1);
  });

  it('moves a pool used -> full -> used (front of usedpools) -> empty', () => {
    const g = SMALL_ARENAS;
    const a = new Allocator(g);
    const events: AllocEvent[] = [];
    a.onEvent = (e) => events.push(e);
    const n = blocksPerPool(g, 31);
    const first = Array.from({ length: n }, () => a.allocate(512));
    const p1 = poolOf(a, first[0]);
    assert.ok(first.every((x) => poolOf(a, x) === p1));
    const states = (): string[] => events.filter((e) => e.k === 'pool-state' && e.address === p1).map((e) => (e.k === 'pool-state' ? `${e.from}>${e.to}` : ''));
    assert.deepEqual(states(), ['empty>used', 'used>full']);
    const second = a.allocate(512);
    const p2 = poolOf(a, second);
    assert.notEqual(p2, p1);
    // freeing a block of the full pool puts it at the front: the next request is served from p1
    a.free(first[2], 512);
    assert.deepEqual(states(), ['empty>used', 'used>full', 'full>used']);
    assert.equal(a.allocate(512), first[2]);
    for (const x of first) a.free(x, 512);
    assert.deepEqual(states(), ['empty>used', 'used>full', 'full>used', 'used>full', 'full>used', 'used>empty']);
    const snap = a.snapshot();
    const pools = snap.arenas[0].pools;
    assert.deepEqual(pools.map((p) => [p.state, p.usedBlocks, p.totalBlocks, p.blockSize]), [['empty', 0, n, 512], ['used', 1, n, 512]]);
    assert.equal(snap.arenas[0].freePools, snap.arenas[0].totalPools - 1);
  });

  it('reuses an empty pool LIFO, keeping its free list for the same size class', () => {
    const a = new Allocator();
    const x = a.allocate(16);
    const y = a.allocate(16);
    a.free(x, 16);
    a.free(y, 16);
    // the pool is empty but its arena is the last usable one: kept, and the same class gets y back
    assert.equal(a.allocate(16), y);
    a.free(y, 16);
    const z = a.allocate(200); // another class takes the empty pool and re-initialises it
    assert.equal(z - poolOf(a, z), POOL_OVERHEAD);
    assert.equal(poolOf(a, z), poolOf(a, x));
  });

  it('releases an arena whose pools are all empty, unless it is the last usable arena', () => {
    const g = SMALL_ARENAS;
    const a = new Allocator(g);
    const events: AllocEvent[] = [];
    a.onEvent = (e) => events.push(e);
    const perPool = blocksPerPool(g, 31);
    const pools = a.snapshot().arenas.length === 0 ? 0 : -1;
    assert.equal(pools, 0);
    a.allocate(512);
    const total = a.snapshot().arenas[0].totalPools;
    assert.equal(total, g.arenaSize / g.poolSize, '4 KiB pools: a page-aligned arena loses no pool');
    const blocks = [a.allocate(512)];
    for (let i = 2; i < total * perPool; i++) blocks.push(a.allocate(512));
    assert.equal(a.snapshot().arenas.length, 1);
    const inSecond = a.allocate(512);
    assert.equal(a.snapshot().arenas.length, 2);
    // empty the first arena completely: it is released (the second one, still usable, is after it)
    const firstArena = a.snapshot().arenas[0].address;
    const all = [...blocks];
    for (const x of all) a.free(x, 512);
    let snap = a.snapshot();
    // one block of arena 1 is still used (the very first allocate): nothing released yet
    assert.equal(snap.arenas.length, 2);
    const survivor = snap.arenas[0].pools.find((p) => p.usedBlocks > 0)!;
    assert.equal(survivor.usedBlocks, 1);
    a.free(survivor.address + POOL_OVERHEAD, 512);
    snap = a.snapshot();
    assert.equal(snap.arenas.length, 1);
    assert.equal(snap.arenasReclaimed, 1);
    assert.ok(events.some((e) => e.k === 'arena-free' && e.address === firstArena && e.bytes === g.arenaSize));
    // the last arena, once empty, is kept (bpo-37257)
    a.free(inSecond, 512);
    snap = a.snapshot();
    assert.equal(snap.arenas.length, 1);
    assert.equal(snap.arenas[0].freePools, snap.arenas[0].totalPools);
    // a new arena reuses the released address (deterministically)
    const fill = [];
    for (let i = 0; i < total * perPool + 1; i++) fill.push(a.allocate(512));
    assert.ok(a.snapshot().arenas.some((x) => x.address === firstArena));
  });

  it('serves new pools from the fullest usable arena', () => {
    const g = SMALL_ARENAS;
    const a = new Allocator(g);
    const perPool = blocksPerPool(g, 31);
    const first = a.allocate(512);
    const total = a.snapshot().arenas[0].totalPools;
    const rest = [];
    for (let i = 1; i < total * perPool; i++) rest.push(a.allocate(512));
    const second = a.allocate(512);
    const secondArena = a.snapshot().arenas[1].address;
    // free one whole pool in arena 1: arena 1 has 1 free pool, arena 2 has total-1: arena 1 serves next
    for (const x of [first, ...rest.slice(0, perPool - 1)]) a.free(x, 512);
    const y = a.allocate(16);
    const loc = a.locate(y);
    assert.ok(loc.kind === 'pymalloc' && loc.arena !== secondArena);
    void second;
  });
});

describe('alloc/raw', () => {
  it('sends requests above 512 bytes (and 0) to the raw allocator, reused LIFO by page count', () => {
    const a = new Allocator();
    const r1 = a.allocate(513);
    const r2 = a.allocate(5000);
    const z = a.allocate(0);
    assert.deepEqual([a.locate(r1), a.locate(r2), a.locate(z)], [{ kind: 'raw', bytes: 513 }, { kind: 'raw', bytes: 5000 }, { kind: 'raw', bytes: 0 }]);
    assert.equal(a.snapshot().rawBlocks, 3);
    assert.equal(a.snapshot().arenas.length, 0);
    a.free(r1, 513);
    assert.equal(a.allocate(4000), r1);
    assert.notEqual(a.allocate(600), r1);
    a.free(r2, 5000);
    assert.equal(a.allocate(8192), r2);
    assert.equal(a.snapshot().rawBytes, 4000 + 600 + 8192 + 0);
  });

  it('ignores a double free and an address it never handed out', () => {
    const a = new Allocator();
    const x = a.allocate(56);
    a.free(x, 56);
    a.free(x, 56);
    a.free(0x1234, 16);
    assert.equal(a.live, 0);
    const y = a.allocate(56);
    const z = a.allocate(56);
    assert.equal(y, x);
    assert.notEqual(z, x, 'a double free would hand the same block out twice');
  });
});

describe('alloc/freelists', () => {
  it('keeps a dying float for the next float, never for an int of the same size class', () => {
    const a = new Allocator();
    const f = a.allocate(24, 'float');
    a.free(f, 24, 'float');
    const i = a.allocate(28);
    assert.notEqual(i, f);
    assert.equal(a.allocate(24, 'float'), f);
  });

  it('reuses a list address whatever the list sizes, and tuples only for the same length', () => {
    const a = new Allocator();
    const l = a.allocate(64, 'list');
    a.free(l, 64, 'list');
    assert.equal(a.allocate(856, 'list'), l);
    const t2 = a.allocate(56, 'tuple2');
    a.free(t2, 56, 'tuple2');
    const t3 = a.allocate(64, 'tuple3');
    assert.notEqual(t3, t2);
    assert.equal(a.allocate(56, 'tuple2'), t2);
  });

  it('gives the memory back to pymalloc past the free list limit (80 lists), LIFO within the list', () => {
    const a = new Allocator();
    assert.equal(FreeLists.limit('list'), 80);
    assert.equal(FreeLists.limit('tuple7'), 2000);
    assert.equal(FreeLists.limit('float'), 100);
    const lists = Array.from({ length: 81 }, () => a.allocate(56, 'list'));
    for (const l of lists) a.free(l, 56, 'list');
    assert.equal(a.freeLists.size('list'), 80);
    // the 81st went back to its pool: a plain 56-byte request gets it
    assert.equal(a.allocate(56), lists[80]);
    assert.equal(a.allocate(56, 'list'), lists[79]);
  });

  it('names the free list of builtin floats, lists, dicts and 1..19-tuples only', () => {
    const T = (name: string, isHeap = false): PyType => Object.assign(Object.create(PyType.prototype) as PyType, { name, isHeap });
    const tuple = (n: number): PyTuple => new PyTuple(T('tuple'), Array.from({ length: n }, () => new PyFloat(T('float'), 1)));
    assert.equal(freeListKind(new PyFloat(T('float'), 1)), 'float');
    assert.equal(freeListKind(new PyFloat(T('MyFloat', true), 1)), null);
    assert.equal(freeListKind(new PyList(T('list'), [])), 'list');
    assert.equal(freeListKind(new PyDict(T('dict'))), 'dict');
    assert.equal(freeListKind(new PyDict(T('defaultdict'))), null);
    assert.deepEqual([0, 1, 19, 20].map((n) => freeListKind(tuple(n))), [null, 'tuple1', 'tuple19', null]);
  });
});
