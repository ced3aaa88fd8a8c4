# Checks: refcounts of temporaries passed straight to getrefcount, and of values in expressions.
import sys

class C:
    pass

print(sys.getrefcount(C()))
print(sys.getrefcount([1, 2, 3]))
print(sys.getrefcount([C(), C()][0]))
x = C()
print(sys.getrefcount(x))
print(sys.getrefcount((x, x)[1]))
print(sys.getrefcount(x))
print(sys.getrefcount([x][0]))
print(sys.getrefcount({1: x}[1]))
print(sys.getrefcount(x if True else None))
print(sys.getrefcount(x or None))
