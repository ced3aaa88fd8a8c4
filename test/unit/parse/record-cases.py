#!/usr/bin/env python3
"""Records the expected side of test/unit/parse/cases/*.txt from real CPython, never by hand.

Each case is `# name`, Python source, `==>`, expected (until a blank line). For ast cases the
expected text is CPython 3.12's ast, converted to our dump format (src/engine/parse/dump.ts); for
files named spans*.txt every node also carries CPython's position `@line:col-line:col` (UTF-16
columns). When CPython raises, it is the SyntaxError 3.10, 3.11, 3.12 and 3.13 raise (one line when
they all agree, else one `[version]` line each).

    python3 test/unit/parse/record-cases.py            # rewrites every cases/*.txt
Needs pyenv with 3.10.13, 3.11.7, 3.12.1 and 3.13.0 (each run by its own path).
"""
import ast
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
CASES = os.path.join(HERE, 'cases')
VERSIONS = {'3.10': '3.10.13', '3.11': '3.11.7', '3.12': '3.12.1', '3.13': '3.13.0'}

# ---------------------------------------------------------------- conversion to our dump format

OPS = {
    'Add': '+', 'Sub': '-', 'Mult': '*', 'Div': '/', 'FloorDiv': '//', 'Mod': '%', 'Pow': '**', 'LShift': '<<',
    'RShift': '>>', 'BitOr': '|', 'BitXor': '^', 'BitAnd': '&', 'MatMult': '@', 'Not': 'not', 'USub': '-',
    'UAdd': '+', 'Invert': '~', 'And': 'and', 'Or': 'or', 'Eq': '==', 'NotEq': '!=', 'Lt': '<', 'LtE': '<=',
    'Gt': '>', 'GtE': '>=', 'Is': 'is', 'IsNot': 'is not', 'In': 'in', 'NotIn': 'not in',
}

# our field names and order (dump.ts FIELDS); value: (our name, CPython name)
FIELDS = {
    'JoinedStr': ['values'], 'FormattedValue': ['value', 'conversion', ('formatSpec', 'format_spec')],
    'List': ['elts'], 'Tuple': ['elts', 'parenthesized'], 'Set': ['elts'], 'Dict': ['keys', 'values'],
    'keyword': ['arg', 'value'], 'Call': ['func', 'args', 'keywords'], 'Subscript': ['value', 'slice'],
    'Slice': ['lower', 'upper', 'step'], 'Starred': ['value'], 'Lambda': ['args', 'body'],
    'IfExp': ['test', 'body', 'orelse'], 'comprehension': ['target', 'iter', 'ifs', ('isAsync', 'is_async')],
    'ListComp': ['elt', 'generators'], 'SetComp': ['elt', 'generators'], 'DictComp': ['key', 'value', 'generators'],
    'GeneratorExp': ['elt', 'generators'], 'Yield': ['value'], 'YieldFrom': ['value'], 'NamedExpr': ['target', 'value'],
    'Await': ['value'], 'Expr': ['value'], 'Assign': ['targets', 'value'], 'AugAssign': ['target', 'op', 'value'],
    'AnnAssign': ['target', 'annotation', 'value', 'simple'], 'Delete': ['targets'], 'Pass': [], 'Break': [],
    'Continue': [], 'Return': ['value'], 'Raise': ['exc', 'cause'], 'Global': ['names'], 'Nonlocal': ['names'],
    'Assert': ['test', 'msg'], 'If': ['test', 'body', 'orelse'], 'While': ['test', 'body', 'orelse'],
    'For': ['target', 'iter', 'body', 'orelse', 'isAsync'], 'ExceptHandler': ['type', 'name', 'body'],
    'Try': ['body', 'handlers', 'orelse', 'finalbody'],
    'withitem': [('contextExpr', 'context_expr'), ('optionalVars', 'optional_vars')], 'With': ['items', 'body', 'isAsync'],
    'arguments': ['posonlyargs', 'args', 'vararg', 'kwonlyargs', ('kwDefaults', 'kw_defaults'), 'kwarg', 'defaults'],
    'FunctionDef': ['name', 'args', 'body', ('decorators', 'decorator_list'), 'returns', 'isAsync'],
    'ClassDef': ['name', 'bases', 'keywords', 'body', ('decorators', 'decorator_list')],
    'Import': ['names'], 'ImportFrom': ['module', 'names', 'level'], 'Module': ['body'],
}

# statements (and expressions) we lower to Unsupported / UnsupportedExpr, with their construct names
UNSUPPORTED = {
    'Match': '`match` statements', 'AsyncFunctionDef': '`async def` functions', 'AsyncFor': '`async for` loops',
    'AsyncWith': '`async with` statements', 'TypeAlias': '`type` alias statements', 'TryStar': '`except*` clauses (exception groups)',
}


def has_await(n):
    if isinstance(n, ast.Await):
        return True
    if isinstance(n, (ast.Lambda, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        return False
    return any(has_await(c) for c in ast.iter_child_nodes(n))


def float_repr(x):
    return repr(x)


def const(v):
    if v is None:
        return 'None'
    if v is Ellipsis:
        return 'Ellipsis'
    if isinstance(v, bool):
        return 'True' if v else 'False'
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        return float_repr(v)
    if isinstance(v, complex):
        r = float_repr(v.imag)
        return (r[:-2] if r.endswith('.0') else r) + 'j'
    if isinstance(v, str):
        return json.dumps(v, ensure_ascii=False)
    if isinstance(v, bytes):
        return 'b' + json.dumps(v.decode('latin-1'), ensure_ascii=False)
    raise TypeError(type(v))


class Conv:
    def __init__(self, src, positions=False):
        self.src = src
        self.lines = src.splitlines(keepends=True)
        self.positions = positions

    def col16(self, line, col_bytes):
        text = self.lines[line - 1] if line - 1 < len(self.lines) else ''
        prefix = text.encode('utf-8')[:col_bytes].decode('utf-8', 'replace')
        return len(prefix.encode('utf-16-le')) // 2

    def at(self, n, s):
        if not self.positions or getattr(n, 'lineno', None) is None:
            return s
        return '%s@%d:%d-%d:%d)' % (s[:-1], n.lineno, self.col16(n.lineno, n.col_offset), n.end_lineno, self.col16(n.end_lineno, n.end_col_offset))

    def offset(self, line, col_bytes):
        text = self.lines[line - 1] if line - 1 < len(self.lines) else ''
        return sum(len(l) for l in self.lines[:line - 1]) + len(text.encode('utf-8')[:col_bytes].decode('utf-8', 'replace'))

    def parenthesized(self, t):
        # written with parentheses when the tuple's own text is one `( ... )` group
        seg = ast.get_source_segment(self.src, t) or ''
        if not t.elts:
            return True
        if not (seg.startswith('(') and seg.endswith(')')):
            return False
        import io
        import tokenize
        depth = 0
        toks = [x for x in tokenize.generate_tokens(io.StringIO(seg).readline) if x.type == tokenize.OP]
        for i, x in enumerate(toks):
            if x.string in '([{':
                depth += 1
            elif x.string in ')]}':
                depth -= 1
                if depth == 0:
                    return i == len(toks) - 1
        return False

    def value(self, v):
        if v is None or v is False or v == []:
            return None
        if v is True:
            return 'true'
        if isinstance(v, list):
            return '[' + ' '.join('null' if x is None else self.value(x) for x in v) + ']'
        if isinstance(v, ast.AST):
            return self.node(v)
        if isinstance(v, int):
            return str(v)
        if isinstance(v, str):
            import re
            return v if re.fullmatch(r'[\w.*]+', v) else json.dumps(v, ensure_ascii=False)
        raise TypeError(type(v))

    def node(self, n):
        return self.at(n, self.node_text(n))

    def node_text(self, n):
        k = type(n).__name__
        if k in ('FunctionDef', 'ClassDef') and getattr(n, 'type_params', None):
            what = 'functions' if k == 'FunctionDef' else 'classes'
            code = 'def f[T]' if k == 'FunctionDef' else 'class C[T]'
            return '(Unsupported construct=%s)' % json.dumps('generic %s with type parameters (`%s`)' % (what, code))
        if k == 'GeneratorExp' and (any(g.is_async for g in n.generators) or has_await(n)):
            return '(UnsupportedExpr construct=%s)' % json.dumps('asynchronous generator expressions (`await` or `async for` in a generator)')
        if k in UNSUPPORTED:
            return '(Unsupported construct=%s)' % json.dumps(UNSUPPORTED[k])
        if k == 'Name':
            return '(Name %s)' % n.id
        if k == 'Constant':
            return '(Constant %s)' % const(n.value)
        if k == 'arg':
            return '(arg %s %s)' % (n.arg, self.node(n.annotation)) if n.annotation else '(arg %s)' % n.arg
        if k == 'alias':
            return '(alias %s%s)' % (n.name, ' as ' + n.asname if n.asname else '')
        if k == 'BinOp':
            return '(BinOp %s %s %s)' % (self.node(n.left), OPS[type(n.op).__name__], self.node(n.right))
        if k == 'UnaryOp':
            return '(UnaryOp %s %s)' % (OPS[type(n.op).__name__], self.node(n.operand))
        if k == 'BoolOp':
            return '(BoolOp %s %s)' % (OPS[type(n.op).__name__], ' '.join(self.node(v) for v in n.values))
        if k == 'Compare':
            parts = ['%s %s' % (OPS[type(o).__name__], self.node(c)) for o, c in zip(n.ops, n.comparators)]
            return '(Compare %s %s)' % (self.node(n.left), ' '.join(parts))
        if k == 'Attribute':
            return '(Attribute %s .%s)' % (self.node(n.value), n.attr)
        if k == 'List' and False:
            pass
        fields = []
        for f in FIELDS[k]:
            ours, theirs = (f, f) if isinstance(f, str) else f
            if ours == 'parenthesized':
                v = self.parenthesized(n)
            elif ours == 'isAsync':
                v = bool(getattr(n, 'is_async', 0))
            elif ours == 'simple':
                v = bool(n.simple)
            elif ours == 'op':
                v = OPS[type(n.op).__name__]
            elif k == 'JoinedStr' and ours == 'values':
                # 3.12 adds Constant('') after a replacement nested in a format spec; we do not
                v = [x for x in n.values if not (isinstance(x, ast.Constant) and x.value == '')]
            else:
                v = getattr(n, theirs)
            s = self.value(v)
            if s is not None:
                fields.append('%s=%s' % (ours, s))
        return '(%s%s)' % (k, (' ' + ' '.join(fields)) if fields else '')


def emit(sources, positions=False):
    out = []
    for src in sources:
        try:
            tree = compile(src, 'case.py', 'exec', ast.PyCF_ONLY_AST)
            compile(src, 'case.py', 'exec')
            c = Conv(src, positions)
            out.append({'ok': [c.node(s) for s in tree.body]})
        except SyntaxError as e:
            out.append({'error': '%s: %s @ line %s' % (type(e).__name__, e.msg, e.lineno)})
    return out

# ---------------------------------------------------------------- case files


def read_cases(path):
    lines = open(path, encoding='utf-8').read().split('\n')
    cases = []
    i = 0
    while i < len(lines):
        if not lines[i].strip():
            i += 1
            continue
        if not lines[i].startswith('# '):
            raise SystemExit('%s:%d: expected "# name"' % (path, i + 1))
        name = lines[i][2:].strip()
        i += 1
        src = []
        while i < len(lines) and lines[i] != '==>':
            src.append(lines[i])
            i += 1
        i += 1
        while i < len(lines) and lines[i].strip():
            i += 1
        cases.append((name, '\n'.join(src) + '\n'))
    return cases


def run(version, sources, positions):
    # the interpreter's own path: under pyenv, `python3` inside a pyenv-run process is that version
    root = subprocess.run(['pyenv', 'root'], capture_output=True, text=True, check=True).stdout.strip()
    exe = os.path.join(root, 'versions', VERSIONS[version], 'bin', 'python3')
    p = subprocess.run([exe, __file__, '--emit-positions' if positions else '--emit'], input=json.dumps(sources), capture_output=True, text=True, check=True)
    return json.loads(p.stdout)


def main():
    if sys.argv[1:] in (['--emit'], ['--emit-positions']):
        import warnings
        warnings.simplefilter('ignore')
        print(json.dumps(emit(json.loads(sys.stdin.read()), sys.argv[1] == '--emit-positions')))
        return
    for fname in sorted(os.listdir(CASES)):
        if not fname.endswith('.txt'):
            continue
        path = os.path.join(CASES, fname)
        cases = read_cases(path)
        sources = [s for _, s in cases]
        positions = fname.startswith('spans')
        results = {v: run(v, sources, positions) for v in VERSIONS}
        out = []
        for k, (name, src) in enumerate(cases):
            per = {v: results[v][k] for v in VERSIONS}
            a = per['3.12']
            if all('ok' in r for r in per.values()):
                expected = a['ok']  # the tree is compared as 3.12's; every version accepts it
            elif all(r == a for r in per.values()):
                expected = [a['error']]
            else:
                expected = ['[%s] %s' % (v, x) for v, r in per.items() for x in (r['ok'] if 'ok' in r else [r['error']])]
            out.append('# %s\n%s==>\n%s\n' % (name, src, '\n'.join(expected) if expected else '(empty)'))
        open(path, 'w', encoding='utf-8').write('\n'.join(out))
        print('recorded', fname, len(cases), 'cases')


if __name__ == '__main__':
    main()
