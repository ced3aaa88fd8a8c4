// The `gc` module over the simulated collector: collect, get_count, get/set_threshold, enable/disable,
// isenabled, is_tracked, get_objects, get_referrers, get_referents, garbage, callbacks, freeze,
// unfreeze, get_freeze_count, get_stats.
import { F_DEAD, PyList, PyModule, PyObject } from '../objects/model';
import { arity, kw } from '../objects/builtins/args';
import type { Interpreter } from '../vm/machine';
import { traverse } from './traverse';

export function installGc(vm: Interpreter): void {
  vm.moduleFactories.set('gc', () => makeGcModule(vm));
}

function makeGcModule(vm: Interpreter): PyModule {
  const gc = vm.gc;
  const fn = vm.builtin.bind(vm);
  const list = (objs: PyObject[]): PyObject => {
    for (const o of objs) vm.incref(o);
    const l = vm.newList(objs);
    return l;
  };
  // METH_VARARGS functions receive their arguments as a tuple the call allocates
  const varargs = (name: string, body: (args: PyObject[]) => PyObject): PyObject =>
    fn(name, (args) => (args.length ? gc.withHiddenTuple(args.length, () => body(args)) : body(args)));
  gc.garbage = vm.newList([]);
  vm.makeShared(gc.garbage);
  gc.callbacks = vm.newList([]);
  vm.makeShared(gc.callbacks);
  const attrs: Record<string, PyObject> = {
    collect: fn('collect', (args, kwargs) => {
      const k = kw(vm, 'collect', kwargs, ['generation']);
      arity(vm, 'collect', args, 0, 1);
      const g = args[0] ?? k.generation;
      const gen = g ? vm.asIndex(g) : 2;
      if (gen < 0 || gen > 2) vm.raise('ValueError', 'invalid generation');
      if (gc.collecting) return vm.newInt(0);
      return vm.newInt(gc.collectWithCallback(gen));
    }),
    get_count: fn('get_count', () => vm.newTuple(gc.counts.map((c) => vm.newInt(c)))),
    get_threshold: fn('get_threshold', () => vm.newTuple(gc.thresholds.map((c) => vm.newInt(c)))),
    set_threshold: varargs('set_threshold', (args) => {
      arity(vm, 'set_threshold', args, 1, 3);
      args.forEach((a, i) => (gc.thresholds[i] = vm.asIndex(a)));
      return vm.none();
    }),
    enable: fn('enable', () => ((gc.enabled = true), vm.none())),
    disable: fn('disable', () => ((gc.enabled = false), vm.none())),
    isenabled: fn('isenabled', () => vm.newBool(gc.enabled)),
    is_tracked: fn('is_tracked', (args) => {
      arity(vm, 'is_tracked', args, 1, 1);
      return vm.newBool(vm.isTracked(args[0]));
    }),
    is_finalized: fn('is_finalized', (args) => vm.newBool(((args[0]?.flags ?? 0) & 64) !== 0)),
    get_objects: fn('get_objects', (args, kwargs) => {
      const k = kw(vm, 'get_objects', kwargs, ['generation']);
      const g = args[0] ?? k.generation;
      const gen = g && !vm.isNone(g) ? vm.asIndex(g) : -1;
      if (gen > 2) vm.raise('ValueError', 'generation parameter must be less than the number of available generations (3)');
      return list(gen >= 0 ? gc.objectsOf(gen) : [...gc.objectsOf(0), ...gc.objectsOf(1), ...gc.objectsOf(2)]);
    }),
    get_referrers: varargs('get_referrers', (args) => {
      const targets = new Set(args);
      const out: PyObject[] = [];
      for (const o of vm.heap) {
        if (!o.gcTracked || o.flags & F_DEAD) continue;
        let hit = false;
        traverse(o, (r) => {
          if (targets.has(r)) hit = true;
        });
        if (hit) out.push(o);
      }
      if (args.some((a) => vm.mainModule.dict.map.size && [...vm.mainModule.dict.map.values()].some((e) => e.value === a))) out.push(vm.mainModule.dict);
      return list(out);
    }),
    get_referents: varargs('get_referents', (args) => {
      const out: PyObject[] = [];
      for (const a of args) traverse(a, (r) => out.push(r));
      return list(out);
    }),
    freeze: fn('freeze', () => {
      for (let g = 0; g < 3; g++) {
        for (const o of gc.gens[g]) {
          o.gen = 3;
          gc.gens[3].add(o);
        }
        gc.gens[g].clear();
      }
      gc.counts = [0, 0, 0];
      gc.interpreterLongLived = 0;
      return vm.none();
    }),
    unfreeze: fn('unfreeze', () => {
      for (const o of gc.gens[3]) {
        o.gen = 2;
        gc.gens[2].add(o);
      }
      gc.gens[3].clear();
      gc.interpreterLongLived = gc.interpreterObjects;
      return vm.none();
    }),
    get_freeze_count: fn('get_freeze_count', () => vm.newInt(gc.gens[3].size)),
    get_stats: fn('get_stats', () => {
      const dicts = gc.stats.map((s) => {
        const d = vm.newDict();
        for (const [key, v] of Object.entries(s)) {
          const k = vm.newStr(key);
          const n = vm.newInt(v);
          vm.dictSet(d, k, n);
          vm.decref(k);
          vm.decref(n);
        }
        return d;
      });
      return vm.newList(dicts);
    }),
    garbage: gc.garbage,
    callbacks: gc.callbacks,
    set_debug: fn('set_debug', (args) => {
      arity(vm, 'set_debug', args, 1, 1);
      gc.debug = vm.asIndex(args[0]);
      return vm.none();
    }),
    get_debug: fn('get_debug', () => vm.newInt(gc.debug)),
    DEBUG_SAVEALL: vm.newInt(32),
    DEBUG_LEAK: vm.newInt(38),
    DEBUG_STATS: vm.newInt(1),
  };
  void PyList;
  return vm.newModule('gc', attrs);
}
