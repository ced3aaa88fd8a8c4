#!/usr/bin/env python3
"""Records test/unit/parse/mutations.json: small random edits of a valid program and the
SyntaxError (or none) real CPython 3.12 and 3.10 report for each, for mutations.test.ts.

    python3 test/unit/parse/record-mutations.py
Each case is an edit of BASE: delete `dele` characters at `at`, then insert `ins` there.
"""
import json
import os
import random
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
VERSIONS = {'3.10': '3.10.13', '3.12': '3.12.1'}
BASE = '''import os
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
'''
ALPHA = ' \t\n\n\n\'"#()[]{}:;,.=+-*/%<>!&|^~@0123456789_abcdefxyz'
TOKENS = ['if', 'else', 'for', 'in', 'not', 'def', 'return', 'yield', 'lambda', 'x', '(', ')', '[', ']', ':', ',', '=',
          '==', '*', '**', '\n', '    ', '"', "'", 'pass', 'class', 'import', 'from', 'as', 'with', 'try', 'except']


def edits(n):
    r = random.Random(7)
    out = []
    for _ in range(n):
        at = r.randrange(len(BASE))
        op = r.random()
        if op < 0.25:
            out.append({'at': at, 'dele': 1, 'ins': ''})
        elif op < 0.5:
            out.append({'at': at, 'dele': 0, 'ins': r.choice(ALPHA)})
        elif op < 0.75:
            out.append({'at': at, 'dele': 0, 'ins': ' ' + r.choice(TOKENS) + ' '})
        else:
            out.append({'at': at, 'dele': 1 + r.randrange(10), 'ins': ''})
    return out


def apply(e):
    return BASE[:e['at']] + e['ins'] + BASE[e['at'] + e['dele']:]


def emit(sources):
    import warnings
    warnings.simplefilter('ignore')
    out = []
    for s in sources:
        try:
            compile(s, 'm.py', 'exec')
            out.append('OK')
        except SyntaxError as e:
            out.append('%s: %s @ line %s' % (type(e).__name__, e.msg, e.lineno))
    return out


def main():
    if sys.argv[1:] == ['--emit']:
        print(json.dumps(emit(json.loads(sys.stdin.read()))))
        return
    cases = edits(600)
    sources = [apply(e) for e in cases]
    root = subprocess.run(['pyenv', 'root'], capture_output=True, text=True, check=True).stdout.strip()
    for v, full in VERSIONS.items():
        exe = os.path.join(root, 'versions', full, 'bin', 'python3')
        res = json.loads(subprocess.run([exe, __file__, '--emit'], input=json.dumps(sources), capture_output=True, text=True, check=True).stdout)
        for c, x in zip(cases, res):
            c[v] = x
    with open(os.path.join(HERE, 'mutations.json'), 'w', encoding='utf-8') as f:
        f.write('{"base": %s,\n"cases": [\n' % json.dumps(BASE))
        f.write(',\n'.join(json.dumps(c, ensure_ascii=False) for c in cases))
        f.write('\n]}\n')
    print('recorded', len(cases), 'mutations')


if __name__ == '__main__':
    main()
