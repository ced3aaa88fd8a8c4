# Checks: obj.__sizeof__() against sys.getsizeof(obj) for instances (plain, slotted, exception
# subclass), containers, atoms and callables: the difference is the GC header and, 3.11+, the
# pre-header of managed dicts / weak-reference lists.
import sys


class A:
    pass


class S:
    __slots__ = ("a",)


class E(Exception):
    pass


def f():
    pass


def g():
    yield 1


objs = [A(), S(), E(), [], [1, 2], {}, {1: 2}, (), (1,), "abc", "é", "漢字", 10**30, 1.5, set(),
        f, g(), None, True, range(3)]
for o in objs:
    print(type(o).__name__, sys.getsizeof(o), o.__sizeof__(), sys.getsizeof(o) - o.__sizeof__())
