// LineIndex: converts UTF-16 offsets into 1-based lines and 0-based UTF-16 columns and back.
// Line breaks are "\n", "\r\n" and a lone "\r", as CPython's tokenizer counts them.
import type { SourceRange } from '../api';
import type { Span } from './ast';

export class LineIndex {
  /** starts[i] = offset of the first character of line i+1 */
  private readonly starts: number[];

  constructor(readonly source: string) {
    const starts = [0];
    for (let i = 0; i < source.length; i++) {
      const c = source.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c === 13) {
        if (source.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    this.starts = starts;
  }

  /** number of lines (a trailing newline opens one more, empty line) */
  get lineCount(): number {
    return this.starts.length;
  }

  /** 1-based line containing `offset` (clamped into the source) */
  lineAt(offset: number): number {
    const off = Math.max(0, Math.min(offset, this.source.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= off) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }

  /** 1-based line and 0-based UTF-16 column of `offset` */
  position(offset: number): { line: number; col: number } {
    const off = Math.max(0, Math.min(offset, this.source.length));
    const line = this.lineAt(off);
    return { line, col: off - this.starts[line - 1] };
  }

  /** offset of the first character of 1-based `line` (clamped) */
  lineStart(line: number): number {
    const l = Math.max(1, Math.min(line, this.starts.length));
    return this.starts[l - 1];
  }

  /** offset just past the last character of `line`, excluding its line break */
  lineEnd(line: number): number {
    const l = Math.max(1, Math.min(line, this.starts.length));
    let end = l < this.starts.length ? this.starts[l] : this.source.length;
    if (end > this.starts[l - 1] && this.source.charCodeAt(end - 1) === 10) end--;
    if (end > this.starts[l - 1] && this.source.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  /** text of 1-based `line` without its line break */
  lineText(line: number): string {
    return this.source.slice(this.lineStart(line), this.lineEnd(line));
  }

  /** offset of a 1-based line and 0-based column (column clamped to the line) */
  offsetAt(line: number, col: number): number {
    const start = this.lineStart(line);
    return Math.min(start + Math.max(0, col), this.lineEnd(line));
  }

  /** editor range of a span */
  range(span: Span): SourceRange {
    const s = this.position(span.start);
    const e = this.position(Math.max(span.start, span.end));
    return { startLine: s.line, startCol: s.col, endLine: e.line, endCol: e.col };
  }
}
