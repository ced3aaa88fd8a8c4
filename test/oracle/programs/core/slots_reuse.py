# Checks: slotted instances take the pymalloc size class of their real size: a freed block is reused
# by the next object of the same class (id equal) and not by one of another size class.
import sys
class A:
    __slots__ = ("x",)
class B:
    __slots__ = ("p", "q")
class C:
    __slots__ = ("p", "q", "r", "s", "t")
class N:
    pass
print([sys.getsizeof(k()) for k in (A, B, C, N)])
a = A()
i = id(a)
del a
b = B()
print("B takes A's block:", id(b) == i)
j = id(b)
del b
c = C()
print("C takes B's block:", id(c) == j)
a2 = A()
print("A takes it back:", id(a2) == j)
k = id(c)
del c
n = N()
print("N takes C's block:", id(n) == k)
lst = [A() for _ in range(5)]
ids = [id(o) for o in lst]
del lst
again = [B() for _ in range(5)]
print("B reuses the As:", sorted(id(o) for o in again) == sorted(ids))
