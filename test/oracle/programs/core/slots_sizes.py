# Checks: sizes with __slots__: instances with 0-3 slots, with __dict__/__weakref__ listed, subclasses
# that add slots or get a dict back, the class itself (no cached keys), member descriptors; refcounts.
import sys
class N:
    pass
class P0:
    __slots__ = ()
class P1:
    __slots__ = ("x",)
class P2:
    __slots__ = ("x", "y")
class P3:
    __slots__ = ["a", "b", "c"]
class PD:
    __slots__ = ("x", "__dict__")
class PW:
    __slots__ = ("x", "__weakref__")
class PDW:
    __slots__ = ("__weakref__", "x", "__dict__")
class S(P2):
    pass
class S2(P2):
    __slots__ = ("z",)
class S0(P2):
    __slots__ = ()
class E(P0):
    pass
for c in (N, P0, P1, P2, P3, PD, PW, PDW, S, S2, S0, E):
    print(c.__name__, sys.getsizeof(c()), sys.getsizeof(c), hasattr(c(), "__dict__"))
print("member:", sys.getsizeof(P2.__dict__["x"]))
print("class refcounts:", sys.getrefcount(P0), sys.getrefcount(P1), sys.getrefcount(P2), sys.getrefcount(PDW))
v = [1]
p = P2()
print(sys.getrefcount(v))
p.x = v
p.y = v
print(sys.getrefcount(v))
p.x = v
print(sys.getrefcount(v))
del p.y
print(sys.getrefcount(v))
del p
print(sys.getrefcount(v))
