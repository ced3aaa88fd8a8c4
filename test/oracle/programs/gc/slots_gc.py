# Checks: gc with __slots__: gen-0 count deltas of class creation (member descriptors, the kept sorted
# slots tuple, temporaries), cycles through slots, dead slotted classes, dealloc order slots then dict.
import gc
gc.disable()
gc.collect()
a = gc.get_count()[0]
class First:
    __slots__ = ("x",)
print("first slotted class, cold free lists:", gc.get_count()[0] - a)
for i in range(3):
    a = gc.get_count()[0]
    class C0:
        __slots__ = ()
    b = gc.get_count()[0]
    class C1:
        __slots__ = ("x",)
    c = gc.get_count()[0]
    class C2:
        __slots__ = ("y", "x")
    d = gc.get_count()[0]
    class Cs:
        __slots__ = "x"
    e = gc.get_count()[0]
    class Cl:
        __slots__ = ["x", "y"]
    f = gc.get_count()[0]
    class Cd:
        __slots__ = ("x", "__dict__")
    g = gc.get_count()[0]
    class Sub(C1):
        pass
    h = gc.get_count()[0]
    deltas = [b - a, c - b, d - c, e - d, f - e, g - f, h - g]
print("(), (x), (y,x), str, list, __dict__, subclass:", deltas)
r = C2()
r.x = r
r.y = [r]
print(gc.is_tracked(r), len(gc.get_referents(r)))
del r
print("collected cycle:", gc.collect())
class T:
    __slots__ = ("x", "y")
del T
print("dead class:", gc.collect())
class T2:
    __slots__ = ("x", "y")
gc.collect()
del T2
print("dead class after a collection:", gc.collect())
class Note:
    def __init__(self, n): self.n = n
    def __del__(self): print("del", self.n)
class Q(Cd):
    __slots__ = ("c",)
q = Q()
q.z = Note("dict z"); q.x = Note("slot x"); q.c = Note("slot c")
del q
