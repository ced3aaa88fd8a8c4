// Python exceptions as plain values: the text functions never throw for a Python-level error, they
// return a PyError that the VM turns into a real exception object.
export type PyErrorKind = 'ValueError' | 'TypeError' | 'OverflowError' | 'KeyError' | 'IndexError' | 'AttributeError'
  | 'MemoryError';

export interface PyError {
  readonly error: PyErrorKind;
  readonly message: string;
}

export function pyError(error: PyErrorKind, message: string): PyError {
  return { error, message };
}

export function isPyError(v: unknown): v is PyError {
  return typeof v === 'object' && v !== null && 'error' in v && 'message' in v;
}

/** The Python versions whose text semantics differ in places (format spec 'z', error wording). */
export type TextVersion = '3.10' | '3.11' | '3.12' | '3.13';

export function minorOf(version: TextVersion | undefined): number {
  return version === undefined ? 12 : Number(version.slice(2));
}
