// The special methods of the builtin types as attributes (`[].__len__`, `hasattr(x, '__iter__')`,
// `"a".__add__("b")`): each does what the operator does. The VM's own operators never go through
// them (only user-defined methods are looked up by name: Ops.hasUserMethod).
import type { BinOpName } from '../../compile/opcodes';
import type { Interpreter } from '../../vm/machine';
import { PyFloat, PyInt, type PyObject } from '../model';

const SIZED = ['list', 'tuple', 'str', 'dict', 'set', 'frozenset', 'range'];
const SUBSCRIPTABLE = ['list', 'tuple', 'str', 'dict', 'range'];
const ITERATORS = ['list_iterator', 'tuple_iterator', 'range_iterator', 'str_iterator', 'dict_keyiterator', 'set_iterator'];
const NUMBER_OPS: [string, BinOpName][] = [['__add__', '+'], ['__sub__', '-'], ['__mul__', '*'], ['__truediv__', '/'], ['__floordiv__', '//'], ['__mod__', '%'], ['__pow__', '**']];

export function installDunders(vm: Interpreter): void {
  const T = vm.T;
  const m = (t: string, name: string, fn: (self: PyObject, args: PyObject[]) => PyObject): void => {
    const type = T[t];
    if (type) vm.method(type, name, (args, _kwargs, self) => fn(self!, args));
  };
  const arg = (args: PyObject[]): PyObject => {
    if (args.length !== 1) vm.typeError(`expected 1 argument, got ${args.length}`);
    return args[0]!;
  };
  for (const t of SIZED) {
    m(t, '__len__', (self) => vm.newInt(vm.len(self)));
    m(t, '__iter__', (self) => vm.iter(self));
    m(t, '__contains__', (self, a) => vm.newBool(vm.contains(self, arg(a))));
  }
  for (const t of SUBSCRIPTABLE) m(t, '__getitem__', (self, a) => vm.getitem(self, arg(a)));
  for (const t of ITERATORS) {
    m(t, '__iter__', (self) => (vm.incref(self), self));
    m(t, '__next__', (self) => vm.next(self) ?? vm.raise('StopIteration'));
  }
  // int.__add__ takes ints only and float.__add__ ints and floats: anything else is NotImplemented
  // (which is how 1 + 1.5 reaches float.__radd__)
  const notImplemented = (): PyObject => (vm.incref(vm.NotImplemented), vm.NotImplemented);
  for (const [name, op] of NUMBER_OPS) {
    m('int', name, (self, a) => {
      const o = arg(a);
      return o instanceof PyInt && !(o instanceof PyFloat) ? vm.binaryOp(self, o, op) : notImplemented();
    });
    m('float', name, (self, a) => {
      const o = arg(a);
      return o instanceof PyInt || o instanceof PyFloat ? vm.binaryOp(self, o, op) : notImplemented();
    });
  }
  for (const t of ['list', 'tuple', 'str']) m(t, '__add__', (self, a) => vm.binaryOp(self, arg(a), '+'));
}
