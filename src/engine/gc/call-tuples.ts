// The argument tuple (and keyword dict) CPython builds for a call that cannot pass its arguments as a
// C array: a type without vectorcall called through _PyObject_MakeTpCall (tp_new/tp_init take a tuple
// and a dict), a METH_VARARGS builtin or method, an Argument Clinic `*args` parameter (print, 3.11+).
// Which callables do so differs per version (profile.callArgTuples). The temporaries are only memory
// and generation-0 counts (hidden objects, free lists included). A class defined in Python whose
// __init__ the loop runs inline gets its temporaries from ctorArgsBefore/ctorArgsAfterNew (type_call's
// tuple and dict, slot_tp_init's keyword-names tuple). Also 3.10's lazily built keyword tuple of an
// argument parser (profile.lazyKwParsers), made by the first call with keywords. Not modelled: the
// call specializations (3.12 str(x), 3.13 classes) that skip the tuple after warm-up.
import { tupleFreeList, type FreeListKind } from '../alloc/allocator';
import type { NativeFn, PyObject, PyType } from '../objects/model';
import { tupleSize } from '../objects/sizes';
import { PyBuiltin, PyMethodDescr } from '../objects/model';
import type { Interpreter } from '../vm/machine';

type Kwargs = Map<string, PyObject> | null;
type Ctor = (t: PyType, args: PyObject[], kwargs: Kwargs) => PyObject;

/** `body` with the positional tuple (none for no arguments: the empty tuple is a singleton) and the kwargs dict */
export function withArgTuple<T>(vm: Interpreter, nargs: number, kwargs: Kwargs, withDict: boolean, body: () => T): T {
  if (vm.internalDepth > 0) return body();
  const dict = withDict && kwargs && kwargs.size > 0;
  const inner = dict ? () => vm.gc.withHidden(vm.profile.sizes.dictEmpty, 'dict', body) : body;
  return nargs > 0 ? vm.gc.withHiddenTuple(nargs, inner) : inner();
}

function names(list: string): Set<string> {
  return new Set(list.split(' ').filter((x) => x));
}

/**
 * After the builtins are installed: wrap the builtin functions and methods the profile lists. Types
 * are wrapped when their constructor is registered (CtorTable), so module types (weakref) are too.
 */
export function installCallTuples(vm: Interpreter): void {
  const listed = names(vm.profile.callArgTuples);
  const lazy = names(vm.profile.lazyKwParsers);
  for (const name of listed) {
    const dot = name.indexOf('.');
    if (dot > 0) {
      const d = vm.T[name.slice(0, dot)]?.dict.get(name.slice(dot + 1));
      if (d instanceof PyMethodDescr) d.fn = wrap(vm, d.fn, name);
      continue;
    }
    const b = vm.builtinsDict.map.get('s' + name)?.value;
    if (b instanceof PyBuiltin) b.fn = wrap(vm, b.fn, name);
  }
  for (const name of lazy) {
    const b = vm.builtinsDict.map.get('s' + name)?.value;
    if (!(b instanceof PyBuiltin)) continue;
    const fn = b.fn;
    let built = false;
    b.fn = (args, kwargs, self) => {
      if (!built && kwargs && kwargs.size > 0 && vm.internalDepth === 0) {
        // parser_init: the keyword names tuple, kept by the static parser for the process's life
        built = true;
        vm.gc.hiddenAlloc(vm.profile.sizes.tuple + 8 * 4, 'tuple4');
      }
      return fn(args, kwargs, self);
    };
  }
}

function wrap(vm: Interpreter, fn: NativeFn, name: string): NativeFn {
  // print's clinic `*args` tuple takes the positionals only; METH_VARARGS|METH_KEYWORDS gets a dict too
  const withDict = name !== 'print';
  return (args, kwargs, self) => withArgTuple(vm, args.length, kwargs, withDict, () => fn(args, kwargs, self));
}

/** nativeConstructors: a constructor of a type the profile lists receives a tuple and dict */
export class CtorTable extends Map<PyType, Ctor> {
  constructor(private vm: () => Interpreter) {
    super();
  }

  private listed: Set<string> | null = null;

  override set(t: PyType, fn: Ctor): this {
    const vm = this.vm();
    if (!vm.profile) return super.set(t, fn);
    this.listed ??= names(vm.profile.callArgTuples);
    if (!this.listed.has(t.name)) return super.set(t, fn);
    return super.set(t, (ty, args, kwargs) => (ty === t ? withArgTuple(vm, args.length, kwargs, true, () => fn(ty, args, kwargs)) : fn(ty, args, kwargs)));
  }
}

type Hidden = { addr: number; size: number; kind: FreeListKind | null };
/** hidden temporaries a constructor call holds while its __init__ frame runs */
export type CtorTemps = { args: Hidden | null; dict: Hidden | null; kwnames: Hidden | null };
type CtorVM = Pick<Interpreter, 'internalDepth' | 'gc' | 'profile'>;

/**
 * Calling a Python class whose __init__ runs as a frame: _PyObject_MakeTpCall packs the positional
 * arguments into a tuple (none for no arguments: the empty tuple is a singleton) and the keywords
 * into a dict, before type_call creates the instance.
 */
export function ctorArgsBefore(vm: CtorVM, nargs: number, nkw: number): CtorTemps | null {
  if (vm.internalDepth > 0 || (nargs === 0 && nkw === 0)) return null;
  const args = nargs > 0 ? hidden(vm, tupleSize(vm.profile, nargs), tupleFreeList(nargs)) : null;
  const dict = nkw > 0 ? hidden(vm, vm.profile.sizes.dictEmpty, 'dict') : null;
  return { args, dict, kwnames: null };
}

/** slot_tp_init's vectorcall of __init__ unpacks the keyword dict into a names tuple (_PyStack_UnpackDict) */
export function ctorArgsAfterNew(vm: CtorVM, temps: CtorTemps | null, nkw: number): void {
  if (temps && nkw > 0) temps.kwnames = hidden(vm, tupleSize(vm.profile, nkw), tupleFreeList(nkw));
}

/** after __init__'s frame is gone: the names tuple (end of the vectorcall), then MakeTpCall's tuple and dict */
export function ctorArgsRelease(vm: CtorVM, temps: CtorTemps | null): void {
  if (!temps) return;
  for (const t of [temps.kwnames, temps.args, temps.dict]) if (t) vm.gc.hiddenFree(t.addr, t.size, t.kind);
}

function hidden(vm: CtorVM, size: number, kind: FreeListKind | null): Hidden {
  return { addr: vm.gc.hiddenAlloc(size, kind), size, kind };
}
