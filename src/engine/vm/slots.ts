// __slots__ as CPython implements it: type_new reads the class namespace's __slots__ (a str or any
// iterable of str; type_new_get_slots / type_new_slots / type_new_copy_slots: identifiers, sorted,
// no clash with class variables, __dict__ / __weakref__ entries switch those on), PyType_Ready adds one
// member descriptor per slot (Objects/descrobject.c, each holding the class), and instances keep the
// values in pointer slots read and written through the descriptors (Python/structmember.c T_OBJECT_EX).
// Layout and sizes are in objects/slots.ts; the temporaries of class creation in gc/type-objects.ts.
import { PyDict, PyInstance, PyList, PyMemberDescr, PyObject, PySet, PyStr, PyTuple, type PyType } from '../objects/model';
import { pyIsIdentifier } from '../objects/text';
import type { Profile } from '../profiles';
import { getsetsFor } from '../gc/type-objects';
import { attrLabel } from './labels';
import { forEachSlot } from '../objects/slots';
import type { HolderSpec } from './runtime';
import { mangle } from '../compile/mangle';

/** what the slots code needs of the VM */
export interface SlotVM {
  profile: Profile;
  T: Record<string, PyType>;
  raise(typeName: string, message?: string): never;
  typeError(message: string): never;
  typeName(o: PyObject): string;
  isSubtype(a: PyType, b: PyType): boolean;
  increfBy(o: PyObject, holder: HolderSpec): void;
  decrefBy(o: PyObject, holder: HolderSpec): void;
  track<T extends PyObject>(o: T, size: number, gcTracked?: boolean, holder?: HolderSpec): T;
}

/** what type_new decided for a new class */
export interface SlotSpec {
  /** the members it adds (sorted) */
  names: string[];
  /** it adds a __dict__ / a weak-reference list (so the __dict__ / __weakref__ getset descriptors) */
  addDict: boolean;
  addWeak: boolean;
  /** items of the tuple PySequence_Tuple / PyTuple_Pack made from a str or list __slots__ (0: none made) */
  freshTuple: number;
  /** __slots__ was given */
  hasSlots: boolean;
}

/** variable-size layouts (tp_itemsize != 0): no weak list, no non-empty __slots__ */
function varSized(t: PyType): boolean {
  return t.layout === 'int' || t.layout === 'tuple';
}

/** does an instance of `t` have a __dict__ / a weak-reference list (tp_dictoffset / tp_weaklistoffset != 0) */
function hasDict(t: PyType): boolean {
  return t.isHeap ? t.instDict : !(getsetsFor(t) & 1) && t.layout !== 'object';
}
function hasWeak(t: PyType): boolean {
  return t.isHeap ? t.instWeak : !(getsetsFor(t) & 2) && !varSized(t) && t.layout !== 'object';
}

/** the names a __slots__ value lists (PySequence_Tuple), and whether that made a new tuple */
function slotItems(vm: SlotVM, v: PyObject): { items: PyObject[]; fresh: boolean } {
  if (v instanceof PyStr) return { items: [v], fresh: true };
  if (v instanceof PyTuple) return { items: v.items, fresh: false };
  if (v instanceof PyList) return { items: v.items, fresh: v.items.length > 0 };
  if (v instanceof PyDict) return { items: [...v.map.values()].map((e) => e.key), fresh: v.map.size > 0 };
  if (v instanceof PySet) return { items: [...v.map.values()], fresh: v.map.size > 0 };
  return vm.typeError(`'${vm.typeName(v)}' object is not iterable`);
}

/** type_new_slots: `name` is the class's name, `base` its first base (its layout), `bases` all of them */
export function slotSpec(vm: SlotVM, name: string, ns: PyDict, base: PyType, bases: PyType[]): SlotSpec {
  const mayAddDict = !hasDict(base);
  const mayAddWeak = !hasWeak(base) && !varSized(base);
  const slots = ns.map.get('s__slots__')?.value;
  if (!slots) return { names: [], addDict: mayAddDict, addWeak: mayAddWeak, freshTuple: 0, hasSlots: false };
  const { items, fresh } = slotItems(vm, slots);
  if (items.length && varSized(base)) vm.typeError(`nonempty __slots__ not supported for subtype of '${base.name}'`);
  let addDict = false;
  let addWeak = false;
  // type_new_visit_slots
  for (const it of items) {
    if (!(it instanceof PyStr)) vm.typeError(`__slots__ items must be strings, not '${vm.typeName(it)}'`);
    if (!pyIsIdentifier(it.s)) vm.typeError('__slots__ must be identifiers');
    if (it.s === '__dict__') {
      if (!mayAddDict || addDict) vm.typeError('__dict__ slot disallowed: we already got one');
      addDict = true;
    }
    if (it.s === '__weakref__') {
      if (!mayAddWeak || addWeak) vm.typeError('__weakref__ slot disallowed: we already got one');
      addWeak = true;
    }
  }
  // type_new_copy_slots
  const names: string[] = [];
  for (const it of items as PyStr[]) {
    if ((addDict && it.s === '__dict__') || (addWeak && it.s === '__weakref__')) continue;
    // type_new_copy_slots mangles private names with the class's name, as the compiler does `self.__x`
    const m = mangle(name, it.s);
    if (ns.map.has('s' + m) && m !== '__qualname__' && m !== '__classcell__' && m !== '__classdictcell__')
      vm.raise('ValueError', `'${m}' in __slots__ conflicts with class variable`);
    names.push(m);
  }
  names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  // type_new_slots_bases: secondary bases may provide a dict or weak list
  if (bases.length > 1 && ((mayAddDict && !addDict) || (mayAddWeak && !addWeak))) {
    for (const b of bases) {
      if (b === base) continue;
      if (mayAddDict && !addDict && hasDict(b)) addDict = true;
      if (mayAddWeak && !addWeak && hasWeak(b)) addWeak = true;
    }
  }
  return { names, addDict, addWeak, freshTuple: fresh ? items.length : 0, hasSlots: true };
}

/**
 * The layout of the new class `t` (before its dict is filled): the slots of its base chain plus its own;
 * two bases that both add slots and are unrelated cannot be combined (best_base).
 */
export function applyLayout(vm: SlotVM, t: PyType, spec: SlotSpec, bases: PyType[]): void {
  let layoutBase: PyType | null = null;
  for (const b of bases) {
    if (!b.nslots) continue;
    if (!layoutBase || vm.isSubtype(b, layoutBase)) layoutBase = b;
    else if (!vm.isSubtype(layoutBase, b)) vm.typeError('multiple bases have instance lay-out conflict');
  }
  const base = bases[0];
  t.nslots = (layoutBase?.nslots ?? 0) + spec.names.length;
  t.slotNames = spec.names;
  t.instDict = hasDict(base) || spec.addDict;
  t.instWeak = hasWeak(base) || spec.addWeak;
}

/** PyType_Ready's add_members: a member descriptor per slot, held by the class dict, holding the class */
export function addMembers(vm: SlotVM, t: PyType): void {
  const start = t.nslots - t.slotNames.length;
  t.slotNames.forEach((name, i) => {
    const d = vm.track(new PyMemberDescr(vm.T.member_descriptor, name, t, start + i), MEMBER_DESCR_SIZE, true, [t, attrLabel(name)]);
    vm.increfBy(t, [d, '__objclass__']);
    t.dict.set(name, d);
  });
}

/** sys.getsizeof of a member descriptor (PyMemberDescrObject + GC header), 3.10-3.13 */
export const MEMBER_DESCR_SIZE = 64;

function checkOwner(vm: SlotVM, d: PyMemberDescr, o: PyObject): asserts o is PyInstance {
  if (!(o instanceof PyInstance) || !vm.isSubtype(o.type, d.owner))
    vm.typeError(`descriptor '${d.name}' for '${d.owner.name}' objects doesn't apply to a '${vm.typeName(o)}' object`);
}

/** member_get: the slot's value (borrowed), null when unset */
export function memberValue(vm: SlotVM, d: PyMemberDescr, o: PyObject): PyObject | null {
  checkOwner(vm, d, o);
  return o.slots?.[d.index] ?? null;
}

/** member_set / PyMember_SetOne T_OBJECT_EX: `v` null deletes */
export function memberSet(vm: SlotVM, d: PyMemberDescr, o: PyObject, v: PyObject | null): void {
  checkOwner(vm, d, o);
  const slots = (o.slots ??= new Array<PyObject | null>(o.type.nslots).fill(null));
  const old = slots[d.index];
  if (!v && !old) vm.raise('AttributeError', d.name);
  slots[d.index] = v;
  if (v) vm.increfBy(v, [o, attrLabel(d.name)]);
  if (old) vm.decrefBy(old, [o, attrLabel(d.name)]);
}

/** setting or deleting an attribute that is neither a slot nor allowed without a __dict__ */
export function noDictError(vm: SlotVM, o: PyObject, name: string): never {
  const more = vm.profile.noDictSetMessage ? ' and no __dict__ for setting new attributes' : '';
  return vm.raise('AttributeError', `'${vm.typeName(o)}' object has no attribute '${name}'${more}`);
}

/** clear_slots (subtype_dealloc / subtype_clear): the class's own members first, then up the bases */
export function clearSlots(vm: Pick<SlotVM, 'decrefBy'>, o: PyInstance): void {
  const slots = o.slots;
  if (!slots) return;
  forEachSlot(o, (v, name, index) => {
    slots[index] = null;
    vm.decrefBy(v, [o, attrLabel(name)]);
  });
}
