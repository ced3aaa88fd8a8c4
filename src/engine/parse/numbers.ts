// Number literals: Python's int (any base, underscores), float and imaginary literal text to our
// ConstantValue. The tokenizer (tokens.ts) has already rejected malformed literals.
import type { ConstantValue } from './ast';

export function parseNumber(text: string): ConstantValue {
  const t = text.replace(/_/g, '');
  const lower = t.toLowerCase();
  if (lower.endsWith('j')) return { type: 'complex', imag: Number(lower.slice(0, -1)) };
  if (/^0[xob]/.test(lower)) return { type: 'int', value: BigInt(lower) };
  if (/[.e]/.test(lower)) return { type: 'float', value: Number(lower) };
  return { type: 'int', value: BigInt(lower) };
}
