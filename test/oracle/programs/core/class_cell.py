# Checks: the implicit __class__ cell: methods using __class__ or super() get it, nested functions see it, the cell holds a reference to the class
import gc
import sys

class Plain:
    def f(self):
        return 1

print("plain:", sys.getrefcount(Plain))

class A:
    def f(self):
        return __class__
    def g(self):
        def inner():
            return __class__
        return inner
    def h(self):
        return super().__init__ is not None

print("identity:", A().f() is A, A().g()() is A, A().h())
print("with cell:", sys.getrefcount(A))
cell_holder = A.f
print("after taking a method:", sys.getrefcount(A))
del cell_holder

class B(A):
    def f(self):
        return __class__, super().f()

print("subclass:", B().f() == (B, A), sys.getrefcount(A), sys.getrefcount(B))

def top():
    return __class__

try:
    top()
except NameError as e:
    print("module function:", e)

class Outer:
    class Inner:
        def m(self):
            return __class__
    def n(self):
        return __class__

print("nested classes:", Outer.Inner().m() is Outer.Inner, Outer().n() is Outer)
print("refcounts:", sys.getrefcount(Outer), sys.getrefcount(Outer.Inner))

gc.collect()
del A, B
print("collected A and B:", gc.collect())
del Plain
print("collected Plain:", gc.collect())
