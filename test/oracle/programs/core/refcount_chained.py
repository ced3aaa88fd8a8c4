# Checks: chained assignment a = b = c = obj binds every name to the same object (refcounts, `is`).
import sys

a = b = c = [1, 2, 3]
print(sys.getrefcount(a))
print(a is b, b is c)
b = [1, 2, 3]
print(sys.getrefcount(a), sys.getrefcount(b))
print(a is b, a == b)
x = y = {}
x["k"] = 1
print(y, sys.getrefcount(x))
s = [7]
p, q = r = s, [8]
print(sys.getrefcount(s), p is s, r[0] is s)
del a, c
print(sys.getrefcount(b))
