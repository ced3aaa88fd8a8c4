// 3.13 inline values (Py_TPFLAGS_INLINE_VALUES): an instance of a plain class carries its attribute
// values after the object, sized from the class's shared keys at allocation time
// (Objects/typeobject.c _PyType_AllocNoTrack + _PyInlineValuesSize). The keys start with
// SHARED_KEYS_MAX_SIZE usable slots and every new instance takes one away while more than one is left
// (_PyObject_InitInlineValues), so successive instances get smaller -- and land in other pymalloc size
// classes -- until the size settles at (attribute names + 1) slots. A new attribute name moves one slot
// from usable to entries, which leaves the size unchanged. Measured on 3.13.0 (block sizes of
// successive instances read from their pool headers: 336, 320, 320, 304, 304, 288, 272, ...).
import type { PyType } from './model';

/** SHARED_KEYS_MAX_SIZE (Objects/dictobject.c) */
export const SHARED_KEYS_MAX_SIZE = 30;

/** the class's shared-keys counters (created on first use) */
export interface SharedKeys {
  usable: number;
  names: Set<string>;
}

/**
 * Shared keys for a new heap class whose instances carry inline values, else null. CPython sets
 * Py_TPFLAGS_INLINE_VALUES for a managed dict on an object of basicsize 16: the class and its bases
 * lay out a plain object (no builtin base with a bigger layout), no __slots__ members along the chain
 * (objects/slots.ts) and instances have a __dict__.
 */
export function sharedKeysFor(t: PyType): SharedKeys | null {
  if (t.layout !== 'object' || t.nslots > 0 || !t.instDict) return null;
  for (const b of t.mro) if (b !== t && b.isHeap && b.layout !== 'object') return null;
  return { usable: SHARED_KEYS_MAX_SIZE, names: new Set() };
}

/** bytes of the inline values for `slots` value slots: the insertion-order prefix (one byte per slot,
 * rounded up to a pointer) and slots + 1 pointers (_PyInlineValuesSize) */
export function inlineValuesBytes(slots: number): number {
  return Math.ceil(slots / 8) * 8 + (slots + 1) * 8;
}

/** Bytes to allocate for a new instance of `t` (`base` = the object itself with its GC header and
 * pre-header), then the per-instance shrink of the class's usable slots. */
export function allocateInlineInstance(t: PyType, base: number): number {
  const k = t.sharedKeys!;
  const bytes = base + inlineValuesBytes(k.names.size + k.usable);
  if (k.usable > 1) k.usable--;
  return bytes;
}

/** An attribute name stored on an instance of `t`: a new name takes a usable slot of the shared keys. */
export function noteSharedKey(t: PyType, name: string): void {
  const k = t.sharedKeys;
  if (k && k.usable > 0 && !k.names.has(name)) {
    k.names.add(name);
    k.usable--;
  }
}
