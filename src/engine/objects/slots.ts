// The instance layout of classes with __slots__ (Objects/typeobject.c type_new_descriptors): one pointer
// per member after the base's layout, no __dict__ / weak-reference list unless listed (or a base has
// them), and what sys.getsizeof counts per version: 3.10 keeps both as pointers after the slots, 3.11
// moves the dict to the pre-header (managed dict), 3.12+ the weak list too (managed weakref); the
// pre-header is only there when one of them is. Pure functions: no VM.
import type { Profile } from '../profiles';
import type { PyInstance, PyObject, PyType } from './model';

/** sys.getsizeof of an instance of a heap class laid out on `object` (GC header and pre-header included) */
export function instanceBytes(p: Profile, t: PyType): number {
  const dictPointer = t.instDict && !p.managedDicts ? 8 : 0;
  const weakPointer = t.instWeak && !p.managedWeakrefs ? 8 : 0;
  const preHeader = (t.instDict && p.managedDicts) || (t.instWeak && p.managedWeakrefs) ? 16 : 0;
  return 16 + 8 * t.nslots + dictPointer + weakPointer + 16 + preHeader;
}

/**
 * The pre-header sys.getsizeof counts before an object (_PyType_PreHeaderSize minus the GC header):
 * 3.11+ a managed dict of a class laid out on object, 3.12+ a managed weak-reference list.
 */
export function preHeaderBytes(p: Profile, o: PyObject): number {
  const t = o.type;
  if (!t || !t.isHeap) return 0;
  return (t.instDict && p.managedDicts && t.layout === 'object') || (t.instWeak && p.managedWeakrefs) ? 16 : 0;
}

/** sys.getsizeof of a class: a class whose instances have no __dict__ has no cached keys */
export function typeBytes(p: Profile, t: PyType): number {
  return p.sizes.type - (t.layout === 'object' && !t.instDict ? p.sizes.typeCachedKeys : 0);
}

/**
 * The set slots of an instance in CPython's clear_slots / traverse_slots order: the class's own members
 * first, then each base's up the chain, each class's in member (sorted name) order.
 */
export function forEachSlot(o: PyInstance, fn: (v: PyObject, name: string, index: number) => void): void {
  const slots = o.slots;
  if (!slots) return;
  for (const k of o.type.mro) {
    if (!k.slotNames.length) continue;
    const start = k.nslots - k.slotNames.length;
    for (let i = 0; i < k.slotNames.length; i++) {
      const v = slots[start + i];
      if (v) fn(v, k.slotNames[i], start + i);
    }
  }
}
