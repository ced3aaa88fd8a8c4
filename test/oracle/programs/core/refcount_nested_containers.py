# Checks: refcounts in nested containers; copying a list copies references, not objects.
import sys

inner = [1, 2]
outer = [inner, [inner], (inner,)]
print(sys.getrefcount(inner))
shallow = list(outer)
print(sys.getrefcount(inner), sys.getrefcount(outer[1]))
sliced = outer[:]
print(sys.getrefcount(outer[1]))
grid = [inner] * 4
print(sys.getrefcount(inner))
grid[0] = [9]
print(sys.getrefcount(inner))
d = {"a": {"b": inner}}
print(sys.getrefcount(inner))
d.clear()
del shallow, sliced
print(sys.getrefcount(inner), sys.getrefcount(outer[1]))
outer = grid = None
print(sys.getrefcount(inner))
