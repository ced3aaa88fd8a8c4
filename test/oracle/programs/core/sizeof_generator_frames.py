# Checks: sys.getsizeof of generators of many shapes: 3.11+ embed the frame, so the size counts the
# locals and CPython's own co_stacksize (calls, comprehensions, try/with handlers, f-strings, ...).
import sys


def f(*a, **k):
    return 1


def g1(a, b):
    yield f(a, b, 1, 2, 3)
    yield a.m(1, k=2) if a else [a, b, a] + [1, 2, 3]


def g2(a, b, c):
    yield a < b < c, a and b or c, not a, {'x': a, 'y': b}, {a: b, b: a}
    a[b] += 1
    x, *y = a


def g3(m, n):
    with m as x, n:
        yield f"{x} and {n!r:>{x}} z"


def g4(n):
    try:
        yield [i * 2 for i in range(n) if i % 2]
    except ValueError as e:
        yield e
    finally:
        print('done', f(*n, k=1, **n))


def g5(n):
    total = 0
    for i in range(n):
        while total > 3:
            total -= 1
        yield {i: [j for j in range(i)] for i in range(n)}, sum(x for x in range(n))
    yield from range(n)
    return total


def g6(a):
    def inner():
        return a
    yield inner, lambda y=1: y + a, [a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a]


for g in (g1(0, 1), g2(1, 2, 3), g3(None, None), g4(2), g5(2), g6(1)):
    print(g.__name__, sys.getsizeof(g))
print(sys.getsizeof(x for x in 'ab'), sys.getsizeof((x, y) for x in 'ab' for y in x if y))
