"""Record CPython's text semantics for the engine's pure text functions (src/engine/objects/text).

Usage:
  PYENV_VERSION=3.12.1 python3 scripts/record-text-cases.py           -> test/unit/text/cases.json
  PYENV_VERSION=3.10.13 python3 scripts/record-text-cases.py          -> test/unit/text/cases-3.10-diff.json
      (only the cases whose result differs from cases.json, which must be recorded first)
  PYENV_VERSION=3.12.1 python3 scripts/record-text-cases.py --tables  -> src/engine/objects/text/unicode-tables.ts

Cases are generated from a fixed seed, so every interpreter sees the same inputs. Values are encoded
for JSON: floats as {"f": repr}, ints as {"i": decimal (hex beyond 10000 bits)}, tuples {"t": [...]}, lists {"l": [...]},
dicts {"d": [[k, v], ...]}, None {"none": 1}, bools {"b": true}; strings stay strings. A Python
exception is recorded as {"error": "ValueError", "message": "..."}.
"""
import json
import math
import os
import random
import struct
import sys
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT_DIR = os.path.join(ROOT, 'test', 'unit', 'text')
MINOR = '%d.%d' % sys.version_info[:2]


def enc(v):
    if isinstance(v, bool):
        return {'b': v}
    if v is None:
        return {'none': 1}
    if isinstance(v, int):
        return {'i': str(v) if v.bit_length() < 10000 else hex(v)}
    if isinstance(v, float):
        return {'f': repr(v)}
    if isinstance(v, str):
        return v
    if isinstance(v, tuple):
        return {'t': [enc(x) for x in v]}
    if isinstance(v, list):
        return {'l': [enc(x) for x in v]}
    if isinstance(v, dict):
        return {'d': [[enc(k), enc(x)] for k, x in v.items()]}
    raise TypeError(type(v))


def run(fn):
    try:
        return enc(fn())
    except (ValueError, TypeError, OverflowError, KeyError, IndexError, AttributeError) as e:
        msg = str(e) if not isinstance(e, KeyError) else repr(e.args[0])
        return {'error': type(e).__name__, 'message': msg}


rng = random.Random(20261126)


def random_double():
    while True:
        x = struct.unpack('<d', struct.pack('<Q', rng.getrandbits(64)))[0]
        if math.isfinite(x):
            return x


EDGE_FLOATS = [0.0, -0.0, 1.0, -1.0, 0.1, 0.5, 1.5, 2.5, 0.125, 0.375, 1e16, 1e15, 9999999999999998.0,
               1e-4, 1e-5, 0.00001234, 1e22, 1e23, 1.5e300, 5e-324, 2.2250738585072014e-308,
               1.7976931348623157e308, 2.0 ** 53, 2.0 ** 53 + 1.0, 2e16 + 8, 123456789.125, 0.045, 0.055, 1.005,
               2.675, 9.995, 99.5, 999999.5, 0.9999995, 1234.5678, -1234.5678, 3.14159, 1 / 3, 2 / 3,
               float('inf'), float('-inf'), float('nan'), 1e100, 123e-20, 4.35, 0.3, 100.0, 1e6, 1e7,
               12345678901234567890.0, 0.000123456, 9.5, 10.5, 0.05, 0.95, 1e-7, 5e-5]


def float_pool(n_random):
    pool = list(EDGE_FLOATS)
    for _ in range(n_random):
        kind = rng.random()
        if kind < 0.35:
            pool.append(random_double())
        elif kind < 0.7:
            pool.append(round(rng.uniform(-1e6, 1e6), rng.randint(0, 8)))
        elif kind < 0.85:
            pool.append(rng.randint(-10 ** 6, 10 ** 6) / 2 ** rng.randint(0, 12))
        else:
            pool.append(rng.uniform(-1, 1) * 10.0 ** rng.randint(-30, 30))
    return pool


def random_spec(types, allow_grouping=True):
    s = ''
    if rng.random() < 0.3:
        fill = rng.choice(['', '', '*', '0', ' ', 'é', '😀'])
        s += fill + rng.choice('<>=^')
    if rng.random() < 0.3:
        s += rng.choice('+- ')
    if rng.random() < 0.1:
        s += 'z'
    if rng.random() < 0.2:
        s += '#'
    if rng.random() < 0.2:
        s += '0'
    if rng.random() < 0.5:
        s += str(rng.randint(0, 25))
    if allow_grouping and rng.random() < 0.2:
        s += rng.choice([',', '_'])
    if rng.random() < 0.5:
        s += '.' + str(rng.choice([0, 1, 2, 3, 4, 6, 10, 15, 17, 20, 30]))
    s += rng.choice(types)
    return s


FLOAT_TYPES = ['', '', 'e', 'E', 'f', 'F', 'g', 'G', 'n', '%']
INT_TYPES = ['', 'b', 'c', 'd', 'o', 'x', 'X', 'n', 'e', 'f', 'g', '%', 'E', 'F', 'G']
FIXED_SPECS = ['', 'abc', 'z', 'zd', 'z.1f', ',n', ',.2s', '.2d', '=5', '#c', 'x', '\x01', '99999999999999999999999999',
               '.f', '_c', '_n', '.2_f', '.2,f', ',_', '_,', '010', '<010', '^010', '=010', '0<10', '+010,', '-#x',
               '#o', '#b', '#X', '_b', '_x', ',x', '012_x', '#012_b', ' d', ' 10', '+', '-', ' ', 'c', 's', '%',
               '.0%', '#.0f', '#.0e', '#g', '#.3g', '.0g', '.1g', '.17g', '.100f', '.60e', 'z+.0f', 'z#.0f', '#',
               '0', '00', '0=10', '\u0663', '.\u0663f', '\u00e9>10', '08,.3f', '09,', '011_', ',', '_', '.3',
               '.0', '.1', '.15', '.16', '.17', '.20', 'E', 'G', 'F', 'n', '010n', '+e', ' .2e', '.2E', 'e',
               '<<5', '>>5', '==5', '^^5', '0=5', '1<5', '.<5', ',<5', '+<5', '#<5', 'z<5', ' <5', '\x00<5', '%<5',
               '<+5', '+#', '#+', '0#', '#0', ',.', '_.2', '.2,', '0,', ',0', '+z', 'z+', '-z', ' z#', 'zz', '++', '##',
               '0000', '00005', '10000000000000000000', '{<5', '}>5', '=+08.2f', '=+#012_x', '^+#13,d', '>-20,.3e',
               '< #10o', 'x<+#015_b', '0>+#14,.4%', '*^-z#20,.5g', '020,.0f', '+022_.3e', '#.0%', '#x<8', '0=#8X']


def record_formats(cases):
    floats = float_pool(1100)
    out = []
    for x in floats:
        for spec in [rng.choice(FIXED_SPECS), random_spec(FLOAT_TYPES), random_spec(FLOAT_TYPES)]:
            out.append([enc(x), spec, run(lambda: format(x, spec))])
    for spec in FIXED_SPECS:
        for x in (1.5, -0.0, 1234567.891, float('nan'), float('-inf'), -1e-10):
            out.append([enc(x), spec, run(lambda: format(x, spec))])
    cases['formatFloat'] = out
    cases['floatRepr'] = [enc(x) for x in float_pool(2000)]
    ints = [0, 1, -1, 7, 10, 97, 255, -255, 1000, 65535, 1114111, 1114112, -97, 2 ** 63, -2 ** 63 - 1, 2 ** 64,
            10 ** 30, -10 ** 30, 2 ** 1024, 2 ** 1023 * 3 // 2, 2 ** 53 + 1, 12345678901234567890]
    for _ in range(700):
        ints.append(rng.randint(-10 ** rng.randint(1, 25), 10 ** rng.randint(1, 25)))
    out = []
    for v in ints:
        for spec in [rng.choice(FIXED_SPECS), random_spec(INT_TYPES), random_spec(INT_TYPES)]:
            out.append([enc(v), spec, run(lambda: format(v, spec))])
    for spec in FIXED_SPECS:
        for v in (0, 42, -42, 128512, 10 ** 20):
            out.append([enc(v), spec, run(lambda: format(v, spec))])
    cases['formatInt'] = out
    strs = ['', 'a', 'abc', 'héllo', '😀x', 'a😀b😀', 'longer string here']
    out = []
    for s in strs:
        for spec in FIXED_SPECS:
            out.append([s, spec, run(lambda: format(s, spec))])
        for _ in range(40):
            spec = random_spec(['', 's', 's', 'd'])
            out.append([s, spec, run(lambda: format(s, spec))])
    cases['formatStr'] = out


PCT_FORMATS = ['%s', '%r', '%a', '%d', '%i', '%u', '%x', '%X', '%o', '%e', '%E', '%f', '%F', '%g', '%G', '%c', '%%',
               '%5s', '%-5s|', '%.2s', '%5.1s|', '%05d', '%-05d|', '%+d', '% d', '%+05d', '%#x', '%#X', '%#o',
               '%#010x', '%+#010x', '%-#10x|', '%.5d', '%8.5d', '%-8.5d|', '%+.3f', '% .3e', '%010.3f', '%#.0f',
               '%#g', '%.0e', '%.20f', '%.3g', '%10.4g', '%-10.4G|', '%*d', '%-*d|', '%.*f', '%*.*f', '%c%c',
               '%s %s', '%s and %r', '%(a)s', '%(a)s %(b)r', '%(a)05d', '%(x)s', '%(a', '%', 'abc %', '%z', '%5%',
               '%ld', '%hd', '%Ls', 'no args', '%s%%', '%\u00e9', '%#5.2x', '%.0f', '% 010.2f', '%-+7d|', '%08.3e',
               '% s', '%+s', '%0s', '%03c', '%.0s|', '%.2r', '%((a))s', '%.3a', '%-+ #0d', '%0-5d|', '% +d', '%#.3o',
               '%+.0e', '%#.0e', '%-#o|', '%#8.3x', '%#-8.3X|', '%+#08.3o', '%0#10.4x', '% #x', '%-05.1f|', '%#+.0G',
               '%010s', '%-010r|', '%.1c', '%5c|', '%-5c|', '%*s', '%.*s', '%-*.*s|', '%(a)*d', '%(a).*f', '%()s',
               '%(a)%', '%(a)s %s', '% -5d|', '%+ d', '%#d', '%#e', '%#.2g', '%lf', '%Lx', '%hhd', '%5.3%']

PCT_ARGS = [5, -5, 0, 255, -255, 3.75, -0.0, 1e300, float('inf'), float('nan'), 'x', 'héllo😀', '', True, None,
            (1, 2), (3,), (), (7, 2.5), (-3, 1), (4, 5, 6), ('a', 'b'), [1, 'x'], {'a': 1, 'b': 'two'},
            {'a': -42}, {'(a)': 'paren'}, 10 ** 30, 97, 128512, 1114112, -1, (65, 66), ('ab',), (1.5,), 2 ** 70 + 0.0,
            ('é', 'x'), (True,), (5, 'x'), ('s', 3), (-7, 3.14159), (10, 3, 2.5)]


def record_percent(cases):
    out = []
    for f in PCT_FORMATS:
        for a in PCT_ARGS:
            out.append([f, enc(a), run(lambda: f % a)])
    cases['percent'] = out


WS = ' \t\n\x0b\x0c\r\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u200a\u2028\u2029\u202f\u205f\u3000\u200b\ufeff'
TRICKY = ['', 'a', 'abc', 'Hello World', '  spaced out\t\n', 'a,b,,c,', ',a,', 'aaa', 'ababab', 'ß', 'ǅungla ǆ',
          'İstanbul', 'ΣΑΣ ΟΔΟΣ', 'ὈΔΥΣΣΕΎΣ', 'ﬁne ﬀ ŉ', '😀 emoji 𝔘𝔫𝔦 😀', 'x😀y😀z', WS, 'a' + WS + 'b',
          'a\r\nb\rc\nd\x0be\x0cf\x1cg\x85h\u2028i\u2029j\n', '\n\n', 'line\r\n', '٣٤٥', '½⅓', '一二三', '²³',
          'Ⅻ', 'tab\tbed\t\tend', '\tx\r\ty\n\tz', 'hello world foo', "it's", 'say "hi"', 'both \' and "', 'back\\slash',
          'ctl\x00\x07\x1b\x7f\x80\x9f\xa0\xad', 'zw\u200b\u200e\u2028\ufeff', 'ǉǈǇ', 'MiXeD cAsE 123', 'ABC', 'abc def',
          'Title Case Words', 'under_score9', '9lives', '_private', 'ɐ', 'ꝸ', '\ud800', 'a\udfffb', '\U000e0001tag',
          '\u0378', '\U0010ffff', 'ǰ', 'ﬃ', 'Ꭰ', 'ꭰ', 'ß1', 'Σ', 'aΣ', 'aΣb', 'aΣ.', 'A.Σ', 'áŁÿ', '-42', '+7',
          'mississippi', '0x1F', '  42  ', 'ab😀ab😀ab']
SUBS = ['', 'a', 'ab', 'ss', 'Σ', '😀', 'x😀', ',', ' ', 'i', 'issi', '\n', 'z']


def str_method_calls():
    calls = []
    for s in TRICKY:
        for m in ['upper', 'lower', 'title', 'capitalize', 'swapcase', 'casefold', 'isdigit', 'isalpha', 'isalnum',
                  'isspace', 'isupper', 'islower', 'isidentifier', 'isnumeric', 'isdecimal', 'istitle', 'isascii',
                  'isprintable', 'splitlines', 'strip', 'lstrip', 'rstrip', 'split', 'rsplit', 'expandtabs',
                  '__repr__', '__ascii__', '__len__', '__iter__', 'zfill']:
            if m == 'zfill':
                calls.append((m, s, [rng.randint(0, 12)]))
            else:
                calls.append((m, s, []))
        calls.append(('splitlines', s, [True]))
        calls.append(('expandtabs', s, [rng.choice([0, 1, 3, 4])]))
        for _ in range(6):
            sub = rng.choice(SUBS + [s[:2], s[1:3]])
            st = rng.choice([None, None, 0, 1, -1, -3, 2, 5, 100, -100])
            en = rng.choice([None, None, 0, 3, -1, -2, 4, 100, -100])
            m = rng.choice(['find', 'rfind', 'index', 'rindex', 'count', 'startswith', 'endswith'])
            args = [sub] if st is None and en is None else [sub, st] if en is None else [sub, st, en]
            calls.append((m, s, args))
        calls.append(('startswith', s, [(rng.choice(SUBS), rng.choice(SUBS), s[:1])]))
        calls.append(('endswith', s, [(rng.choice(SUBS), s[-1:]), 1]))
        for sep in [None, rng.choice(SUBS), ',']:
            for ms in [-1, 0, 1, 2]:
                for m in ['split', 'rsplit']:
                    calls.append((m, s, [sep, ms]))
        calls.append(('strip', s, [rng.choice(['a', 'ab', ' \t', '😀x', 'Σ', '', 'ssi', 'mp'])]))
        calls.append(('lstrip', s, [rng.choice(['a', 'ab ', '😀x', 'mis'])]))
        calls.append(('rstrip', s, [rng.choice(['a', 'c,', '😀z', 'ip', '\n'])]))
        for m in ['partition', 'rpartition']:
            calls.append((m, s, [rng.choice(SUBS)]))
        calls.append(('replace', s, [rng.choice(SUBS), rng.choice(['', '-', '😀', 'XY'])]))
        calls.append(('replace', s, [rng.choice(SUBS), '_', rng.choice([0, 1, 2, -1])]))
        calls.append(('center', s, [rng.randint(0, 20), rng.choice([' ', '*', '😀'])]))
        calls.append(('ljust', s, [rng.randint(0, 20), rng.choice([' ', '-'])]))
        calls.append(('rjust', s, [rng.randint(0, 20)]))
        calls.append(('removeprefix', s, [s[:rng.randint(0, 3)]]))
        calls.append(('removesuffix', s, [rng.choice([s[-2:], 'x', ''])]))
        for _ in range(4):
            st = rng.choice([None, 0, 1, -1, -2, 3, 10, -10])
            sp = rng.choice([None, 0, 2, -1, 5, 10, -10])
            step = rng.choice([None, 1, 2, -1, -2, 3])
            calls.append(('__slice__', s, [st, sp, step]))
        calls.append(('__getitem__', s, [rng.choice([0, 1, -1, 2, 50, -50])]))
        for other in rng.sample(TRICKY, 3) + [s + 'a', s[:-1], '\uffff', '\U0001f600', '\ue000x']:
            calls.append(('__cmp__', s, [other]))
        calls.append(('__storage__', s, []))
    for c in [' ', '*', 'ab']:
        calls.append(('center', 'abc', [10, c]))
    calls.append(('split', 'abc', ['']))
    calls.append(('partition', 'abc', ['']))
    return calls


def apply_method(m, s, args):
    if m == '__repr__':
        return repr(s)
    if m == '__ascii__':
        return ascii(s)
    if m == '__len__':
        return len(s)
    if m == '__iter__':
        return list(s)
    if m == '__slice__':
        return s[slice(*args)]
    if m == '__getitem__':
        return s[args[0]]
    if m == '__cmp__':
        return (s > args[0]) - (s < args[0])
    if m == '__storage__':  # PEP 393 storage: (length, bytes per character, compact ASCII)
        top = max(map(ord, s), default=0)
        return (len(s), 1 if top < 256 else 2 if top < 65536 else 4, s.isascii())
    return getattr(s, m)(*args)


def sample_chars():
    """Code points for per-character tests incl. repr: ASCII, Latin-1 and beyond, plus a random sample."""
    cps = list(range(0, 0x250)) + [0x3a3, 0x3c2, 0x130, 0x131, 0x1e9e, 0xfb00, 0xfb01, 0x1f88, 0x1fbc, 0x2160,
                                   0x3007, 0x4e00, 0x4e8c, 0x5341, 0xff10, 0x1d7ce, 0x1f600, 0x10400, 0x10428,
                                   0xe0001, 0xe0100, 0xd800, 0xdfff, 0xfeff, 0x2028, 0x200b, 0x0378, 0x10ffff]
    pick = random.Random(7)  # its own generator: the sample must not depend on the Unicode version
    while len(cps) < 1000:
        r = pick.random()
        cps.append(pick.randint(0x250, 0xffff) if r < 0.7 else pick.randint(0x10000, 0x1ffff) if r < 0.95
                   else pick.randint(0x20000, 0x10ffff))
    return cps


CHAR_METHODS = ['upper', 'lower', 'title', 'casefold', 'swapcase', 'isdigit', 'isalpha', 'isalnum', 'isspace',
                'isupper', 'islower', 'isidentifier', 'isnumeric', 'isdecimal', 'istitle', 'isprintable',
                '__repr__']


ALL_PREDICATES = ['isdigit', 'isalpha', 'isalnum', 'isspace', 'isupper', 'islower', 'isidentifier', 'isnumeric',
                  'isdecimal', 'istitle', 'isprintable']
ALL_MAPPINGS = ['upper', 'lower', 'title', 'casefold', 'swapcase']


def record_all_chars(cases):
    """Every code point: where each one-character predicate holds (packed ranges) and every case mapping
    that is not the identity, so the test can check all 0x110000 code points cheaply."""
    preds = {p: pack_ranges(ranges(lambda c, p=p: getattr(c, p)())) for p in ALL_PREDICATES}
    preds['xid_continue'] = pack_ranges(ranges(lambda c: ('a' + c).isidentifier()))
    maps = {}
    for m in ALL_MAPPINGS:
        entries = []
        for cp in range(0x110000):
            c = chr(cp)
            r = getattr(c, m)()
            if r != c:
                entries.append('%s:%s' % (base36(cp), '.'.join(base36(ord(x)) for x in r)))
        maps[m] = ';'.join(entries)
    cases['allChars'] = {'predicates': preds, 'mappings': maps}


def record_str(cases):
    cases['str'] = [[m, s, [enc(a) for a in args], run(lambda: apply_method(m, s, args))]
                    for m, s, args in str_method_calls()]
    rows = []
    for cp in sample_chars():
        c = chr(cp)
        rows.append([cp] + [enc(apply_method(m, c, [])) for m in CHAR_METHODS])
    cases['chars'] = {'methods': CHAR_METHODS, 'rows': rows}


INT_STRS = ['0', '-0', '+5', ' 42 ', '\t-7\n', '1_000', '1__0', '_1', '1_', '0x1F', '0X1f', '0o17', '0b101', '0b',
            '0x', '0_7', '00', '007', '0_0', '1e3', '', ' ', '12a', 'zz', 'Z', '٣٤', '１２', '\u00a0 5\u2003',
            '+', '-', '+-1', '9' * 40, '0x_ff', '0b_1', '1 2', 'abc', '0xg', 'ff', '-ff', '10', '777', '0o8', 'z' * 3]
FLOAT_STRS = ['0', '1.5', '-2.5e-3', '  3.0  ', 'inf', '-inf', '+INF', 'infinity', '-Infinity', 'nan', '-nan', 'NaN',
              '+nan', '1_000.5', '1__0', '_1', '1_', '1e1_0', '1.e5', '.5', '5.', '.', 'e5', '1e', '1e+', '0x10',
              '1e400', '-1e400', '1e-400', '4.9e-324', '2.4703282292062328e-324', '2.4703282292062327e-324',
              '1.7976931348623158e308', '1.7976931348623159e308', '٣.٥', '１.５', '\u2003 7.25 \xa0', '', ' ',
              'abc', '1.2.3', '--1', '+-1', 'infinit', 'nanx', '0.1', '123456789012345678901234567890',
              '9007199254740993', '0.30000000000000004', '1_0.0_1', '1.0_', '1e-5', 'inFinIty', '\x00']


def record_numbers(cases):
    out = []
    for s in INT_STRS:
        for base in [10, 0, 16, 2, 8, 36, 3]:
            out.append([s, base, run(lambda: int(s, base))])
    out.append(['1', 1, run(lambda: int('1', 1))])
    out.append(['1', 37, run(lambda: int('1', 37))])
    out.append(['x' * 300, 10, run(lambda: int('x' * 300, 10))])
    cases['parseInt'] = out
    cases['parseFloat'] = [[s, run(lambda: float(s))] for s in FLOAT_STRS]
    vals = [0, 1, -1, 255, -255, 2 ** 64, -(3 ** 50), 10 ** 25]
    for _ in range(200):
        vals.append(rng.randint(-2 ** 130, 2 ** 130))
    cases['intToStr'] = [[enc(v), str(v), bin(v), oct(v), hex(v)] for v in vals]
    cases['intToStr'].append([enc(10 ** 4300), run(lambda: str(10 ** 4300)), '', '', ''])
    cases['parseInt'].append(['1' * 4301, 10, run(lambda: int('1' * 4301, 10))])
    cases['parseInt'].append(['1' * 4300, 10, run(lambda: len(str(int('1' * 4300, 10))))])
    cases['parseInt'].append(['f' * 5000, 16, run(lambda: int('f' * 5000, 16) % 1000)])


STR_FORMATS = ['{}', '{} {}', '{0} {1} {0}', '{1}', '{5}', '{a}', '{a} {b!r}', '{0!r:>10}', '{!s}', '{!a}', '{!x}',
               '{!}', '{0!r', '{0!rx}', '{:{}}', '{:{}.{}f}', '{0:{1}}', '{:{:{}}}', '{0:{1:{2}}}', '{{}}', '{{{}}}',
               '}', '{', 'a}b', 'a{b', '{}}', '{{', '}}', '{0[0]}', '{0[1]}', '{0[9]}', '{0[a]}', '{a[a]}', '{a[b]}',
               '{0.real}', '{0.imag:.2f}', '{0.nope}', '{0.}', '{0[]}', '{0[0]x}', '{0[0}', '{0[0].real}', '{0[}]}',
               '{:d}', '{:>8.3f}|{:<6}|{:^7}', '{} {a}', '{0} {}', '{} {0}', '{a.real}', '{0:{a}}', '{:x<{}}',
               '{\u0663}', '{99999999999999999999999}', '{0:}', '{:%}', '{0!s:10}', '{!r:^20}', '{a!a}', '{0[0]!r}',
               '{0:{1}}{2}', 'no fields', '{:{}}{}', '{:>{}}', '{0[-1]}', '{ }', '{0 }', '{!r:}', '{0{}}', '{:{{}}}']
FORMAT_ARGS = [((42, 'x', 3.5), {'a': 'A', 'b': [1, 2]}), ((), {'a': 7}), (('abc', 10, 2), {}),
               (([1, 'two', 3.0], {'k': 'v'}, None), {'a': {'a': 1, 'b': 'x'}}), ((-2.5, '>', 12), {'a': '^9'}),
               ((True, 'héllo😀', 255), {})]


def record_str_format(cases):
    out = []
    for f in STR_FORMATS:
        for a, kw in FORMAT_ARGS:
            out.append([f, enc(a), enc(kw), run(lambda: f.format(*a, **kw))])
        out.append([f, {'none': 1}, enc({'a': 5, 'b': 'x'}), run(lambda: f.format_map({'a': 5, 'b': 'x'}))])
    cases['strFormat'] = out


def record_round(cases):
    out = []
    nds = [None, 0, 1, 2, 3, -1, -2, 5, 10, 17, 300, 323, 324, -308, -309, -10 ** 10, 10 ** 10]
    for x in float_pool(400):
        for nd in [None, rng.choice(nds), rng.choice(nds)]:
            out.append([enc(x), enc(nd), run(lambda: round(x, nd))])
    for v in [0, 5, 15, 25, -25, 1234, -1250, 1350, 10 ** 30 + 5 * 10 ** 14, -(10 ** 20) - 50]:
        for nd in [None, 0, 1, -1, -2, -3, -15, -40]:
            out.append([enc(v), enc(nd), run(lambda: round(v, nd))])
    cases['round'] = out


def ranges(pred):
    """Inclusive code point ranges where pred(chr(cp)) is true."""
    out = []
    start = None
    for cp in range(0x110000):
        ok = pred(chr(cp))
        if ok and start is None:
            start = cp
        elif not ok and start is not None:
            out.append((start, cp - 1))
            start = None
    if start is not None:
        out.append((start, 0x10ffff))
    return out


def pack_ranges(rs):
    """Delta-encode ranges as base-36 'gap,len' pairs separated by ';'."""
    parts = []
    prev = 0
    for a, b in rs:
        parts.append('%s,%s' % (base36(a - prev), base36(b - a)))
        prev = b + 1
    return ';'.join(parts)


def base36(n):
    digits = '0123456789abcdefghijklmnopqrstuvwxyz'
    s = ''
    while True:
        n, r = divmod(n, 36)
        s = digits[r] + s
        if n == 0:
            return s


def write_tables():
    assigned = ranges(lambda c: unicodedata.category(c) != 'Cn')
    xid_start = ranges(lambda c: c.isidentifier() and c != '_')
    xid_continue = ranges(lambda c: ('a' + c).isidentifier())
    lowercase = ranges(lambda c: c.islower())
    uppercase = ranges(lambda c: c.isupper())
    no_upper = ranges(lambda c: c.islower() and c.upper() == c)
    no_lower = ranges(lambda c: c.isupper() and c.lower() == c)
    digit = ranges(lambda c: c.isdigit() and not c.isdecimal())
    numeric = ranges(lambda c: c.isnumeric() and not c.isdigit())
    title = {}
    fold = {}
    for cp in range(0x110000):
        c = chr(cp)
        if 0xd800 <= cp <= 0xdfff:
            continue
        t = c.title()
        if t != c.upper():
            title[cp] = t
        f = c.casefold()
        if f != c.lower():
            fold[cp] = f

    def mapping(d):
        return ';'.join('%s:%s' % (base36(k), '.'.join(base36(ord(x)) for x in v)) for k, v in sorted(d.items()))

    path = os.path.join(ROOT, 'src', 'engine', 'objects', 'text', 'unicode-tables.ts')
    with open(path, 'w', encoding='utf-8') as fh:
        fh.write('// GENERATED by scripts/record-text-cases.py --tables from CPython %s (Unicode %s); do not edit.\n'
                 % (sys.version.split()[0], unicodedata.unidata_version))
        fh.write('// The character properties JavaScript regular expressions cannot give: numeric types Digit and\n'
                 '// Numeric (incl. Unihan numerals), titlecase mappings that differ from uppercase, case foldings\n'
                 '// that differ from lowercase, XID_Start/XID_Continue, the Lowercase and Uppercase\n'
                 '// properties, cased characters without an upper/lower mapping, and the assigned\n'
                 '// code points (characters assigned or given mappings in newer versions keep Python\'s view).\n// Ranges: base-36 "gap,length" pairs; mappings "cp:cp.cp".\n')
        fh.write("export const UNICODE_VERSION = '%s';\n" % unicodedata.unidata_version)
        fh.write("export const ASSIGNED = '%s';\n" % pack_ranges(assigned))
        fh.write("export const XID_START = '%s';\n" % pack_ranges(xid_start))
        fh.write("export const XID_CONTINUE = '%s';\n" % pack_ranges(xid_continue))
        fh.write("export const LOWERCASE = '%s';\n" % pack_ranges(lowercase))
        fh.write("export const UPPERCASE = '%s';\n" % pack_ranges(uppercase))
        fh.write("export const LOWER_WITHOUT_UPPER = '%s';\n" % pack_ranges(no_upper))
        fh.write("export const UPPER_WITHOUT_LOWER = '%s';\n" % pack_ranges(no_lower))
        fh.write("export const DIGIT_NOT_DECIMAL = '%s';\n" % pack_ranges(digit))
        fh.write("export const NUMERIC_NOT_DIGIT = '%s';\n" % pack_ranges(numeric))
        fh.write("export const TITLE_NOT_UPPER = '%s';\n" % mapping(title))
        fh.write("export const FOLD_NOT_LOWER = '%s';\n" % mapping(fold))
    print('wrote', path)


def main():
    if '--tables' in sys.argv:
        write_tables()
        return
    cases = {'python': sys.version.split()[0]}
    record_formats(cases)
    record_percent(cases)
    record_str(cases)
    record_numbers(cases)
    record_round(cases)
    record_str_format(cases)
    record_all_chars(cases)
    full = os.path.join(OUT_DIR, 'cases.json')
    if MINOR == '3.12':
        with open(full, 'w', encoding='ascii') as fh:
            json.dump(cases, fh, ensure_ascii=True, separators=(',', ':'))
        print('wrote', full, os.path.getsize(full), 'bytes')
        return
    with open(full, encoding='ascii') as fh:
        base = json.load(fh)
    diff = {'python': cases['python']}
    for group, rows in cases.items():
        if group == 'python':
            continue
        if group == 'allChars':
            # the names of the whole-code-space tables that differ (the tables model 3.12's Unicode only)
            diff[group] = {'changed': [n for k in rows for n, v in rows[k].items() if base[group][k].get(n) != v]}
            continue
        if group == 'chars':
            known = {json.dumps(r) for r in base[group]['rows']}
            diff[group] = {'methods': rows['methods'], 'rows': [r for r in rows['rows'] if json.dumps(r) not in known]}
            continue
        # rows are matched by value: a row is kept when CPython 3.12 recorded a different result for it
        known = {json.dumps(r) for r in base[group]}
        diff[group] = [r for r in rows if json.dumps(r) not in known]
    path = os.path.join(OUT_DIR, 'cases-%s-diff.json' % MINOR)
    with open(path, 'w', encoding='ascii') as fh:
        json.dump(diff, fh, ensure_ascii=True, separators=(',', ':'), indent=0)
    sizes = {g: len(r) if isinstance(r, list) else len(r['rows']) if 'rows' in r else len(r['changed'])
             for g, r in diff.items() if g != 'python'}
    print('wrote', path, sizes)


if __name__ == '__main__':
    main()
