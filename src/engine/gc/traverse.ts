// tp_traverse for every layout: the references an object holds that its refcount contributions came
// from. The collector subtracts exactly these, so they must mirror the increfs the runtime made.
import {
  PyCell, PyClassMethod, PyDict, PyDictView, PyException, PyFunction, PyGenerator, PyInstance, PyList, PyMethod,
  PyNativeIter, PyObject, PyProperty, PySeqIter, PySet, PyStaticMethod, PySuper, PyTuple, PyType, PyBuiltin, PySlice,
  PyWeakRef, PyTraceback, PyFrameObj, PyMemberDescr,
} from '../objects/model';
import { forEachSlot } from '../objects/slots';
import type { Frame } from '../vm/frame';

export function traverse(o: PyObject, visit: (r: PyObject) => void): void {
  // instances first: the most common GC object of the programs people write
  if (o instanceof PyInstance) {
    if (o instanceof PyException) {
      if (o.args) visit(o.args);
      if (o.traceback) visit(o.traceback);
      if (o.context) visit(o.context);
      if (o.cause) visit(o.cause);
      if (o.value) visit(o.value);
    }
    // subtype_traverse: the slots (objects/slots.ts order), the dict, the class
    if (o.slots) forEachSlot(o, visit);
    if (o.attrs) {
      if (o.dictMaterialized) visit(o.attrs);
      else for (const e of o.attrs.map.values()) visit(e.value);
    }
    if (o.type.isHeap) visit(o.type);
  } else if (o instanceof PyList || o instanceof PyTuple) {
    // list_traverse and tupletraverse visit the items last to first
    for (let i = o.items.length - 1; i >= 0; i--) visit(o.items[i]);
  } else if (o instanceof PyDict) {
    // dict_traverse: a table of str keys visits only the values
    const strKeys = o.unicodeKeys;
    for (const e of o.map.values()) {
      if (!strKeys) visit(e.key);
      visit(e.value);
    }
  } else if (o instanceof PySet) {
    for (const x of o.map.values()) visit(x);
  } else if (o instanceof PyFunction) {
    visit(o.globals);
    visit(o.codeObj);
    if (o.defaults) visit(o.defaults);
    if (o.kwdefaults) visit(o.kwdefaults);
    if (o.closure) visit(o.closure);
    if (o.dict) visit(o.dict);
  } else if (o instanceof PyCell) {
    if (o.ref) visit(o.ref);
  } else if (o instanceof PyMethod) {
    visit(o.func);
    visit(o.self);
  } else if (o instanceof PyBuiltin) {
    if (o.self) visit(o.self);
  } else if (o instanceof PyType) {
    for (const v of o.dict.values()) visit(v);
    if (o.mroTuple) visit(o.mroTuple);
    if (o.basesTuple) visit(o.basesTuple);
    if (o.isHeap && o.bases[0] && !o.baseReleased) visit(o.bases[0]);
    for (let i = 0; i < o.descrRefs; i++) visit(o);
  } else if (o instanceof PyGenerator) {
    const f = o.frame as Frame | null;
    if (f) {
      for (const v of f.fast) if (v) visit(v);
      for (const c of f.cells) visit(c);
      for (const v of f.stack) if (v && v.type) visit(v);
      if (f.holdsFunc && f.func) visit(f.func);
    }
  } else if (o instanceof PySeqIter) {
    if (o.seq) visit(o.seq);
  } else if (o instanceof PyNativeIter) {
    for (const r of o.refs) visit(r);
  } else if (o instanceof PySuper) {
    visit(o.thisType);
    visit(o.obj);
  } else if (o instanceof PyStaticMethod || o instanceof PyClassMethod) {
    visit(o.func);
  } else if (o instanceof PyProperty) {
    if (o.fget) visit(o.fget);
    if (o.fset) visit(o.fset);
    if (o.fdel) visit(o.fdel);
  } else if (o instanceof PyDictView) {
    visit(o.dict);
  } else if (o instanceof PySlice) {
    visit(o.start);
    visit(o.stop);
    visit(o.step);
  } else if (o instanceof PyTraceback) {
    if (o.next) visit(o.next);
    visit(o.frame);
  } else if (o instanceof PyFrameObj) {
    const f = o.vmFrame as Frame | null;
    if (f && o.ownsLocals) {
      for (const v of f.fast) if (v) visit(v);
      for (const c of f.cells) visit(c);
      if (f.holdsFunc && f.func) visit(f.func);
    }
  } else if (o instanceof PyWeakRef) {
    if (o.callback) visit(o.callback);
  } else if (o instanceof PyMemberDescr) {
    visit(o.owner);
  }
}
