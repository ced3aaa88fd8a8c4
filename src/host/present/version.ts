// Which simulated CPython profile stands in for an interpreter version the Python extension reports.
import type { PythonVersion } from '../../engine/api';

export interface InterpreterVersion {
  major: number;
  minor: number;
}

/** The nearest supported profile: 3.9 and older → 3.10, 3.14 and newer → 3.13. */
export function nearestSupported(i: InterpreterVersion): PythonVersion {
  if (i.major < 3 || (i.major === 3 && i.minor <= 10)) return '3.10';
  if (i.major > 3 || i.minor >= 13) return '3.13';
  return `3.${i.minor}` as PythonVersion;
}
