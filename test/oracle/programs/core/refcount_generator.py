# Checks: a suspended generator frame holds its locals; refcounts before, during and after iteration.
import sys

def gen(obj):
    yield 1
    local = obj
    yield 2
    yield 3

thing = [42]
print(sys.getrefcount(thing))
g = gen(thing)
print("generator created:", sys.getrefcount(thing))
print(next(g), sys.getrefcount(thing))
print(next(g), sys.getrefcount(thing))
print(next(g), sys.getrefcount(thing))
print(list(g), sys.getrefcount(thing))
g2 = gen(thing)
print(sys.getrefcount(thing))
del g2
print("unstarted generator deleted:", sys.getrefcount(thing))
g3 = gen(thing)
next(g3)
next(g3)
g3 = None
print("suspended generator dropped:", sys.getrefcount(thing))
