// Argument checking for native functions, with CPython's messages.
import type { Interpreter } from '../../vm/machine';
import type { PyObject } from '../model';

export function arity(vm: Interpreter, name: string, args: PyObject[], min: number, max: number): void {
  const n = args.length;
  if (n >= min && n <= max) return;
  if (min === max) {
    if (min === 0) vm.typeError(`${name}() takes no arguments (${n} given)`);
    if (min === 1) vm.typeError(`${name}() takes exactly one argument (${n} given)`);
    vm.typeError(`${name} expected ${min} arguments, got ${n}`);
  }
  if (n < min) vm.typeError(`${name} expected at least ${min} argument${min > 1 ? 's' : ''}, got ${n}`);
  vm.typeError(`${name} expected at most ${max} argument${max > 1 ? 's' : ''}, got ${n}`);
}

export function noKwargs(vm: Interpreter, name: string, kwargs: Map<string, PyObject> | null): void {
  if (kwargs && kwargs.size) vm.typeError(`${name}() takes no keyword arguments`);
}

/** keyword argument or undefined; raises on unknown keywords */
export function kw(vm: Interpreter, name: string, kwargs: Map<string, PyObject> | null, allowed: string[]): Record<string, PyObject | undefined> {
  const out: Record<string, PyObject | undefined> = {};
  if (!kwargs) return out;
  for (const [k, v] of kwargs) {
    if (!allowed.includes(k)) vm.typeError(`'${k}' is an invalid keyword argument for ${name}()`);
    out[k] = v;
  }
  return out;
}
