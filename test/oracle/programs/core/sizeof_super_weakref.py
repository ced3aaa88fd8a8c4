# Checks: sys.getsizeof of super objects (explicit and zero-argument), weak references and proxies
# with and without a callback, and of a Python subclass of weakref.ref
import sys
import weakref

class A:
    def m(self):
        return super()

class B(A):
    def m(self):
        return super()

a = A()
b = B()
def cb(r):
    pass

print("super(A, a):", sys.getsizeof(super(A, a)))
print("super(A, A):", sys.getsizeof(super(A, A)))
print("zero-arg super:", sys.getsizeof(b.m()), sys.getsizeof(a.m()))
print("ref:", sys.getsizeof(weakref.ref(a)))
print("ref with callback:", sys.getsizeof(weakref.ref(a, cb)))
print("proxy:", sys.getsizeof(weakref.proxy(a)))
print("proxy with callback:", sys.getsizeof(weakref.proxy(a, cb)))

class R(weakref.ref):
    pass

r = R(a)
print("ref subclass:", sys.getsizeof(r), r() is a)
refs = [weakref.ref(a, cb) for i in range(3)]
print("refs:", sum(sys.getsizeof(x) for x in refs), weakref.getweakrefcount(a))
