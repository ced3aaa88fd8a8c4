// Robustness of parse(): random bytes, token soup and mutations of valid programs never throw,
// always give either a module whose spans lie inside the source or one syntax error inside it,
// and take bounded time. Seeded, so a failure names the input that caused it.
import { strict as assert } from 'node:assert';
import type { Node } from '../../../src/engine/parse/ast';
import { childNodes } from '../../../src/engine/parse/checks';
import { dumpAst, parse } from '../../../src/engine/parse/index';
import { rng } from './rng';

const PER_INPUT_MS = 2000;

function check(source: string): void {
  const t0 = performance.now();
  let r: ReturnType<typeof parse>;
  try {
    r = parse(source);
  } catch (e) {
    assert.fail(`parse threw on ${JSON.stringify(source)}: ${String(e)}`);
  }
  const ms = performance.now() - t0;
  assert.ok(ms < PER_INPUT_MS, `took ${ms.toFixed(0)} ms on ${JSON.stringify(source.slice(0, 200))}`);
  if (!r.ok) {
    const { span, message, errorType } = r.error;
    assert.ok(message.length > 0);
    assert.ok(['SyntaxError', 'IndentationError', 'TabError'].includes(errorType));
    assert.ok(span.start >= 0 && span.start <= span.end && span.end <= source.length, `error span ${span.start}-${span.end} outside ${source.length}: ${JSON.stringify(source)}`);
    return;
  }
  const stack: Node[] = [r.module];
  while (stack.length) {
    const n = stack.pop()!;
    assert.ok(n.start >= 0 && n.start <= n.end && n.end <= source.length, `${n.kind} span ${n.start}-${n.end} outside ${source.length}: ${JSON.stringify(source)}`);
    stack.push(...childNodes(n));
  }
  dumpAst(r.module);
}

const ALPHABET = ' \t\n\n\n\r\\\'"#()[]{}:;,.=+-*/%<>!&|^~@0123456789_abcdefxyzAEFJRBU\x00\x0c€é😀\ud800';
const TOKENS = [
  'if', 'elif', 'else', 'while', 'for', 'in', 'not', 'and', 'or', 'is', 'def', 'class', 'return', 'yield', 'lambda', 'try',
  'except', 'finally', 'with', 'as', 'import', 'from', 'global', 'nonlocal', 'del', 'pass', 'break', 'continue', 'raise',
  'assert', 'async', 'await', 'match', 'case', 'type', 'print', 'None', 'True', '...', 'x', 'y', 'f', '_', '0', '1.5', '0x1f',
  '2j', '"s"', "'t'", 'f"{x}"', 'f"{x!r:>{w}}"', 'b"b"', 'r"\\d"', '"""doc"""', '(', ')', '[', ']', '{', '}', ':', ',', ';',
  '.', '=', '==', '+=', ':=', '->', '*', '**', '/', '//', '%', '@', '-', '+', '~', '<', '>=', '!=', '|', '&', '^', '<<',
  '\n', '\n', '\n    ', '\n        ', '\t', ' \\\n', '#c\n',
];
const PROGRAM = `import os
from . import m as n

@decorator(1)
def f(a, /, b=2, *args, c, d=3, **kw) -> int:
    """doc"""
    global g
    x = [i * 2 for i in range(10) if i % 2]
    y = {k: v for k, v in kw.items()}
    with open(a) as fh, (lambda: 0)() as z:
        pass
    try:
        return x[1:2, ::3] if y else -a ** b
    except (ValueError, KeyError) as e:
        raise RuntimeError(f"bad {e!r:>10}") from e
    finally:
        del x
    while not x and y or z:
        x += 1
        if x > 3:
            break
        else:
            continue
    return (yield)

class C(Base, metaclass=M):
    attr: int = 0
    def m(self):
        return self.attr
`;

describe('parse fuzz', () => {
  it('random characters never throw', () => {
    const r = rng(1);
    for (let i = 0; i < 400; i++) {
      let s = '';
      const len = Math.floor(r() * 120);
      for (let j = 0; j < len; j++) s += ALPHABET[Math.floor(r() * ALPHABET.length)];
      check(s);
    }
  });

  it('random bytes decoded as Latin-1 never throw', () => {
    const r = rng(2);
    for (let i = 0; i < 200; i++) {
      let s = '';
      const len = Math.floor(r() * 200);
      for (let j = 0; j < len; j++) s += String.fromCharCode(Math.floor(r() * 256));
      check(s);
    }
  });

  it('token soup never throws', () => {
    const r = rng(3);
    for (let i = 0; i < 600; i++) {
      const parts: string[] = [];
      const len = 1 + Math.floor(r() * 40);
      for (let j = 0; j < len; j++) parts.push(TOKENS[Math.floor(r() * TOKENS.length)]);
      check(parts.join(r() < 0.5 ? ' ' : ''));
    }
  });

  it('single-character mutations of a valid program never throw', () => {
    const r = rng(4);
    for (let i = 0; i < 300; i++) {
      const at = Math.floor(r() * PROGRAM.length);
      const op = r();
      const ch = ALPHABET[Math.floor(r() * ALPHABET.length)];
      const s = op < 0.33 ? PROGRAM.slice(0, at) + PROGRAM.slice(at + 1) : op < 0.66 ? PROGRAM.slice(0, at) + ch + PROGRAM.slice(at) : PROGRAM.slice(0, at) + ch + PROGRAM.slice(at + 1);
      check(s);
    }
  });

  it('truncations of a valid program never throw', () => {
    for (let at = 0; at <= PROGRAM.length; at += 7) check(PROGRAM.slice(0, at));
  });

  it('the unmutated program parses', () => {
    const r = parse(PROGRAM);
    assert.ok(r.ok, r.ok ? '' : r.error.message);
  });
});
