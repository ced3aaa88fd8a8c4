// Private name mangling (CPython's _Py_Mangle): inside a class body, and every function, lambda,
// comprehension and class nested in it, `__x` becomes `_Class__x`. The compiler and the symbol table
// mangle the names they handle; type creation mangles `__slots__` entries with the same rule.

/**
 * `name` as CPython stores it when compiled under the class named `privateName` (null outside any
 * class). Dunders (`__x__`), dotted names and names not starting with two underscores are left
 * alone, and so is everything when the class name is only underscores.
 */
export function mangle(privateName: string | null, name: string): string {
  if (privateName === null || !name.startsWith('__')) return name;
  if (name.endsWith('__') || name.includes('.')) return name;
  const stripped = privateName.replace(/^_+/, '');
  if (!stripped) return name;
  return `_${stripped}${name}`;
}
