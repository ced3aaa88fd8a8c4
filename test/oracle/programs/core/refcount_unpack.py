# Checks: refcounts after tuple/list unpacking, starred unpacking and swaps.
import sys

x = [1]
y = [2]
pair = (x, y)
a, b = pair
print(sys.getrefcount(x), sys.getrefcount(y))
a, b = b, a
print(a is y, b is x, sys.getrefcount(x))
first, *rest = [x, y, x, y]
print(len(rest), sys.getrefcount(x), sys.getrefcount(y))
(p, q), r = pair, x
print(p is x, sys.getrefcount(x))
del pair, a, b, first, rest, p, q, r
print(sys.getrefcount(x), sys.getrefcount(y))
