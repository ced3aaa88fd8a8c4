// The object-level allocation hook the runtime calls for program objects (not interpreter-owned ones):
// after an object joins the heap, when a live object's size changes, and when it leaves the heap.
// The tracemalloc module (modules/tracemalloc.ts) is its listener.
import type { PyObject } from '../objects/model';

export interface ObjectAllocHook {
  /** Runtime.track(): `o` has its address, size and line (o.id, o.size, o.line) */
  alloc(o: PyObject): void;
  /** Runtime.resize(): `o.size` is the new size */
  resize(o: PyObject, oldSize: number): void;
  /** Runtime.free(): `o` is being deallocated */
  free(o: PyObject): void;
}
