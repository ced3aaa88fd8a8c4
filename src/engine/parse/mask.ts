// The pre-pass that hides from Lezer what its grammar does not accept, keeping every offset:
// with-statement headers (parenthesized items, `as (a, b)`, `as self.x`), decorator expressions
// (any expression since 3.9), and `print` used as a plain name (`print = log`), which Lezer's
// Python 2 print rule would grab. Hidden headers are recorded as fragments and parsed on their own.
import type { Fragment } from './cst';
import type { Tok } from './tokens';

export interface Masked {
  text: string;
  fragments: Map<number, Fragment>;
  /** offsets of bare `yield` keywords (Lezer's grammar requires a value; they are masked as names) */
  bareYields: Set<number>;
  /** `for x in *a, *b`: start of each starred operand -> offset of its hidden `*` */
  stars: Map<number, number>;
}

const AFTER_BARE_YIELD = new Set([')', ']', '}', ';', ',', '=', ':', '+=', '-=', '*=', '/=', '//=', '%=', '**=', '@=', '&=', '|=', '^=', '<<=', '>>=']);

const OPEN = new Set(['(', '[', '{']);
/** keywords that cannot start an expression (a decorator starting with one is left to Lezer to reject) */
const STATEMENT_KEYWORDS = new Set(['pass', 'break', 'continue', 'return', 'def', 'class', 'if', 'elif', 'else', 'while', 'for', 'try', 'except', 'finally', 'with', 'import', 'from', 'global', 'nonlocal', 'del', 'assert', 'raise', 'in', 'is', 'and', 'or', 'as']);
const CLOSE = new Set([')', ']', '}']);

export function mask(src: string, toks: Tok[]): Masked {
  const chars: { start: number; end: number; lead: boolean; fill?: string }[] = [];
  const fragments = new Map<number, Fragment>();
  const bareYields = new Set<number>();
  const stars = new Map<number, number>();
  let lineStart = true;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (t.kind === 'name' && t.text === 'lambda') {
      // `lambda a, /, b: a`: Lezer's lambda takes no `/`; it becomes a `_` name, read back as `/`
      let depth = 0;
      for (let j = i + 1; j < toks.length; j++) {
        const u = toks[j];
        if (u.kind === 'newline' || u.kind === 'end') break;
        if (u.kind !== 'op') continue;
        if (OPEN.has(u.text)) depth++;
        else if (CLOSE.has(u.text)) depth--;
        if (depth < 0 || (depth === 0 && u.text === ':')) break;
        if (depth === 0 && u.text === '/' && toks[j - 1]?.text === ',') chars.push({ start: u.start, end: u.end, lead: false });
        // `lambda a,: 0`: a trailing comma Lezer's lambda does not take
        if (depth === 0 && u.text === ',' && toks[j + 1]?.text === ':') chars.push({ start: u.start, end: u.end, lead: false, fill: ' ' });
      }
    }
    if (t.kind === 'name' && t.text === 'yield') {
      const nx = toks[i + 1];
      if (!nx || nx.kind === 'newline' || nx.kind === 'end' || (nx.kind === 'op' && AFTER_BARE_YIELD.has(nx.text))) {
        bareYields.add(t.start);
        chars.push({ start: t.start, end: t.end, lead: false });
      }
    } else if (t.kind === 'string' && /^[a-zA-Z]*[fF]/.test(t.text) && t.text.includes('\\{')) {
      // `f"\{x}"`, `rf"\{x}"`: CPython keeps the backslash as text and still opens a field; Lezer
      // takes `\{` as one escape. Hide the backslash (the literal text is read from the source).
      for (let j = t.text.indexOf('\\{'); j >= 0; j = t.text.indexOf('\\{', j + 1)) {
        let k2 = j;
        while (k2 > 0 && t.text[k2 - 1] === '\\') k2--;
        if ((j - k2) % 2 === 0 && t.text[j + 2] !== '{') chars.push({ start: t.start + j, end: t.start + j + 1, lead: false, fill: ' ' });
      }
    } else if (t.kind === 'number' && /\.(?![0-9])/.test(t.text)) {
      // `5.` and `5.e3`: Lezer wants a digit after the dot; the value is read from the original text
      const dot = t.start + t.text.indexOf('.');
      chars.push({ start: dot, end: dot + 1, lead: false, fill: '0' });
    }
    if (t.kind === 'newline' || t.kind === 'indent' || t.kind === 'dedent') {
      lineStart = true;
      continue;
    }
    if (!lineStart) continue;
    lineStart = false;
    let k = i;
    if (t.kind === 'name' && t.text === 'async' && toks[i + 1]?.text === 'with') k = i + 1;
    const head = toks[k];
    if (head.kind === 'name' && head.text === 'for') {
      // `for x in *a, *b:`: Lezer's for statement takes no starred iterable; hide the `*`
      const end = headerEnd(toks, k + 1);
      let depth = 0;
      let afterIn = false;
      for (let j = k + 1; j < end; j++) {
        const u = toks[j];
        if (u.kind === 'op' && OPEN.has(u.text)) depth++;
        else if (u.kind === 'op' && CLOSE.has(u.text)) depth--;
        else if (depth === 0 && u.kind === 'name' && u.text === 'in') afterIn = true;
        else if (afterIn && depth === 0 && u.kind === 'op' && u.text === '*' && (toks[j - 1].text === 'in' || toks[j - 1].text === ',')) {
          chars.push({ start: u.start, end: u.end, lead: false, fill: ' ' });
          stars.set(toks[j + 1].start, u.start);
        }
      }
    }
    if (head.kind === 'name' && head.text === 'with') {
      const end = headerEnd(toks, k + 1);
      if (end > k + 1) {
        const hs = toks.slice(k + 1, end);
        const parenthesized = hs[0].text === '(' && matching(hs, 0) === hs.length - 1 && hs.length > 2;
        const items = withItems(hs);
        // Lezer takes `with a as name, b:`; only other forms are hidden and parsed as fragments
        const simpleTargets = items.every((it) => !it.target || hs.some((u) => u.kind === 'name' && u.start === it.target!.start && u.end === it.target!.end));
        if (parenthesized || !simpleTargets) {
          fragments.set(head.start, { key: head.start, start: hs[0].start, end: hs[hs.length - 1].end, items });
          chars.push({ start: hs[0].start, end: hs[hs.length - 1].end, lead: hs[0].start === head.end });
        }
      }
    } else if (head.kind === 'op' && head.text === '@' && !(toks[k + 1]?.kind === 'name' && STATEMENT_KEYWORDS.has(toks[k + 1].text))) {
      let j = k + 1;
      while (j < toks.length && toks[j].kind !== 'newline' && toks[j].kind !== 'end') j++;
      const ds = toks.slice(k + 1, j);
      // Lezer takes `@dotted.name` and `@dotted.name(args)`; any other expression (3.9+) is hidden
      if (ds.length > 0 && !simpleDecorator(ds)) {
        const s0 = ds[0].start;
        const e = ds[ds.length - 1].end;
        fragments.set(head.start, { key: head.start, start: s0, end: e, items: [{ expr: { start: s0, end: e }, target: null }] });
        chars.push({ start: s0, end: e, lead: false });
      }
    } else if (head.kind === 'name' && head.text === 'print') {
      const nx = toks[k + 1];
      if (nx && nx.kind === 'op' && nx.text !== '(' && nx.text !== '.') chars.push({ start: head.start + 2, end: head.start + 3, lead: false });
    }
  }
  // a line holding only form feeds, blanks and maybe a comment is blank for CPython, not for Lezer
  for (let f = src.indexOf('\f'); f >= 0; f = src.indexOf('\f', f + 1)) {
    let a = f;
    while (a > 0 && src[a - 1] !== '\n' && src[a - 1] !== '\r') a--;
    const rest = /^[ \t\f]*(#[^\r\n]*)?(\r\n|\n|\r|$)/.exec(src.slice(a));
    if (rest) chars.push({ start: f, end: f + 1, lead: false, fill: ' ' });
  }
  if (chars.length === 0) return { text: src, fragments, bareYields, stars };
  chars.sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const r of chars) {
    if (r.start < at) continue;
    const fill = r.fill ?? '_';
    out += src.slice(at, r.start) + (r.lead ? ' ' : fill) + fill.repeat(r.end - r.start - 1);
    at = r.end;
  }
  out += src.slice(at);
  return { text: out, fragments, bareYields, stars };
}

function simpleDecorator(ds: Tok[]): boolean {
  let j = 0;
  if (ds[j]?.kind !== 'name') return false;
  j++;
  while (ds[j]?.text === '.' && ds[j + 1]?.kind === 'name') j += 2;
  if (j === ds.length) return true;
  return ds[j].text === '(' && matching(ds, j) === ds.length - 1;
}

/** index just past the header of a `with`: the `:` at bracket depth 0 (a lambda takes its own `:`) */
function headerEnd(toks: Tok[], from: number): number {
  let depth = 0;
  let lambdas = 0;
  for (let j = from; j < toks.length; j++) {
    const t = toks[j];
    if (t.kind === 'newline' || t.kind === 'end') return from;
    if (t.kind !== 'op' && !(t.kind === 'name' && t.text === 'lambda')) continue;
    if (t.text === 'lambda') {
      if (depth === 0) lambdas++;
    } else if (OPEN.has(t.text)) depth++;
    else if (CLOSE.has(t.text)) depth--;
    else if (t.text === ':' && depth === 0) {
      if (lambdas > 0) lambdas--;
      else return j;
    }
  }
  return from;
}

/** matching close bracket of toks[at] within hs */
function matching(hs: Tok[], at: number): number {
  let depth = 0;
  for (let j = at; j < hs.length; j++) {
    if (hs[j].kind !== 'op') continue;
    if (OPEN.has(hs[j].text)) depth++;
    else if (CLOSE.has(hs[j].text) && --depth === 0) return j;
  }
  return -1;
}

/** splits a with header into items, as CPython 3.9+: `with (a as b, c):` is two items */
function withItems(hs: Tok[]): { expr: { start: number; end: number }; target: { start: number; end: number } | null }[] {
  let toks = hs;
  if (hs[0].text === '(' && matching(hs, 0) === hs.length - 1) {
    const innerToks = hs.slice(1, -1);
    // `(a)` or `(a, b)` without `as` keep the plain meaning: one parenthesized expression per item
    if (innerToks.length > 0) toks = innerToks;
  }
  const items: { expr: { start: number; end: number }; target: { start: number; end: number } | null }[] = [];
  let depth = 0;
  let cur: Tok[] = [];
  const flush = (): void => {
    if (cur.length === 0) return;
    const asAt = cur.findIndex((t, idx) => t.kind === 'name' && t.text === 'as' && depthAt(cur, idx) === 0);
    const e = asAt >= 0 ? cur.slice(0, asAt) : cur;
    const tg = asAt >= 0 ? cur.slice(asAt + 1) : [];
    const espan = e.length ? { start: e[0].start, end: e[e.length - 1].end } : { start: cur[0].start, end: cur[0].start };
    const tspan = asAt >= 0 ? (tg.length ? { start: tg[0].start, end: tg[tg.length - 1].end } : { start: cur[asAt].end, end: cur[asAt].end }) : null;
    items.push({ expr: espan, target: tspan });
    cur = [];
  };
  for (const t of toks) {
    if (t.kind === 'op' && OPEN.has(t.text)) depth++;
    else if (t.kind === 'op' && CLOSE.has(t.text)) depth--;
    if (depth === 0 && t.kind === 'op' && t.text === ',') flush();
    else cur.push(t);
  }
  flush();
  return items;
}

function depthAt(ts: Tok[], idx: number): number {
  let d = 0;
  for (let j = 0; j < idx; j++) {
    if (ts[j].kind !== 'op') continue;
    if (OPEN.has(ts[j].text)) d++;
    else if (CLOSE.has(ts[j].text)) d--;
  }
  return d;
}
