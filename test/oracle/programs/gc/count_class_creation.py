# Checks: gen-0 count deltas of class statements and type() calls: the class keeps its dict, MRO and
# bases tuples, __dict__/__weakref__ descriptors and a __subclasses__ weakref; temporaries cancel out.
import gc
import sys

gc.disable()
gc.collect()
a = gc.get_count()[0]
class First:
    pass
print("first class, cold free lists:", gc.get_count()[0] - a)
deltas = []
for i in range(3):
    a = gc.get_count()[0]
    class Plain:
        pass
    b = gc.get_count()[0]
    class Meth:
        def f(self):
            return 1
    c = gc.get_count()[0]
    class Sub(First):
        pass
    d = gc.get_count()[0]
    class Two(First, Meth):
        pass
    e = gc.get_count()[0]
    class Err(Exception):
        pass
    f = gc.get_count()[0]
    class Num(int):
        pass
    g = gc.get_count()[0]
    T = type("T", (), {})
    h = gc.get_count()[0]
    U = type("U", (First,), {"x": 1})
    j = gc.get_count()[0]
    deltas = [b - a, c - b, d - c, e - d, f - e, g - f, h - g, j - h]
print("plain, method, subclass, two bases:", deltas[:4])
print("Exception, int subclasses:", deltas[4:6])
print("type() calls:", deltas[6:])
print("refcounts:", sys.getrefcount(Plain), sys.getrefcount(Err), sys.getrefcount(Num))
del Plain, Meth, Sub, Two, Err, Num, T, U
gc.collect()
class Gone:
    def f(self):
        return 2
del Gone
print("collected with a dead class:", gc.collect())
class Child(First):
    pass
del Child
print("collected with a dead subclass:", gc.collect())
