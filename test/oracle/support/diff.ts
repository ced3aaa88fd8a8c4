// A small line-based unified diff (LCS), so an oracle failure shows expected vs actual stdout the
// way `diff -u` would. Pure: no Node imports. Outputs of oracle programs are short; beyond
// MAX_CELLS the diff falls back to showing the region between the common prefix and suffix.

const MAX_CELLS = 4_000_000;

type Op = { kind: ' ' | '-' | '+'; text: string };

/** Splits text into lines; a trailing newline does not make an empty last line. */
export function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

function lcsOps(a: string[], b: string[]): Op[] {
  const n = a.length;
  const m = b.length;
  // table[i][j] = LCS length of a[i..] and b[j..]
  const table: Uint32Array[] = [];
  for (let i = 0; i <= n; i++) table.push(new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i][j] = a[i] === b[j] ? table[i + 1][j + 1] + 1 : Math.max(table[i + 1][j], table[i][j + 1]);
    }
  }
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      ops.push({ kind: ' ', text: a[i] });
      i++;
      j++;
    } else if (table[i + 1][j] >= table[i][j + 1]) {
      ops.push({ kind: '-', text: a[i++] });
    } else {
      ops.push({ kind: '+', text: b[j++] });
    }
  }
  while (i < n) ops.push({ kind: '-', text: a[i++] });
  while (j < m) ops.push({ kind: '+', text: b[j++] });
  return ops;
}

function diffOps(a: string[], b: string[]): Op[] {
  let pre = 0;
  while (pre < a.length && pre < b.length && a[pre] === b[pre]) pre++;
  let suf = 0;
  while (suf < a.length - pre && suf < b.length - pre && a[a.length - 1 - suf] === b[b.length - 1 - suf]) suf++;
  const midA = a.slice(pre, a.length - suf);
  const midB = b.slice(pre, b.length - suf);
  const middle: Op[] =
    (midA.length + 1) * (midB.length + 1) <= MAX_CELLS
      ? lcsOps(midA, midB)
      : [...midA.map((text): Op => ({ kind: '-', text })), ...midB.map((text): Op => ({ kind: '+', text }))];
  return [
    ...a.slice(0, pre).map((text): Op => ({ kind: ' ', text })),
    ...middle,
    ...a.slice(a.length - suf).map((text): Op => ({ kind: ' ', text })),
  ];
}

/**
 * Unified diff of two texts with `context` lines around each change; '' when they are equal.
 * A missing final newline is reported, since stdout comparisons are exact.
 */
export function unifiedDiff(expected: string, actual: string, labels = { expected: 'expected', actual: 'actual' }, context = 3): string {
  if (expected === actual) return '';
  const a = splitLines(expected);
  const b = splitLines(actual);
  const ops = diffOps(a, b);
  const out: string[] = [`--- ${labels.expected}`, `+++ ${labels.actual}`];
  // positions of changes; group them into hunks with context
  const changed = ops.map((op) => op.kind !== ' ');
  let k = 0;
  while (k < ops.length) {
    if (!changed[k]) {
      k++;
      continue;
    }
    const start = Math.max(0, k - context);
    let end = k;
    // extend the hunk while the next change is within 2*context lines
    for (;;) {
      while (end < ops.length && changed[end]) end++;
      let next = end;
      while (next < ops.length && !changed[next]) next++;
      if (next < ops.length && next - end <= 2 * context) end = next;
      else break;
    }
    const stop = Math.min(ops.length, end + context);
    // line numbers (1-based) of the hunk in each text
    let aLine = 1;
    let bLine = 1;
    for (let t = 0; t < start; t++) {
      if (ops[t].kind !== '+') aLine++;
      if (ops[t].kind !== '-') bLine++;
    }
    const hunk = ops.slice(start, stop);
    const aCount = hunk.filter((op) => op.kind !== '+').length;
    const bCount = hunk.filter((op) => op.kind !== '-').length;
    out.push(`@@ -${aCount === 0 ? aLine - 1 : aLine},${aCount} +${bCount === 0 ? bLine - 1 : bLine},${bCount} @@`);
    for (const op of hunk) out.push(op.kind + op.text);
    k = stop;
  }
  const aNl = expected === '' || expected.endsWith('\n');
  const bNl = actual === '' || actual.endsWith('\n');
  if (aNl !== bNl) out.push(`\\ final newline: ${labels.expected} ${aNl ? 'has' : 'lacks'} one, ${labels.actual} ${bNl ? 'has' : 'lacks'} one`);
  if (out.length === 2) out.push('(texts differ only in line endings)');
  return out.join('\n');
}
