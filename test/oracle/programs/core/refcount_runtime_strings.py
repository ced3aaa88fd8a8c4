# Checks: refcounts of strings and tuples the program builds at run time (never shared with other
# modules): names, containers, dict keys and values, and slices that copy.
import sys

s = "".join(["memory", " ", "lens", "!"])
print(sys.getrefcount(s), len(s))
t = s
box = [s, s]
print(sys.getrefcount(s))
d = {s: s}
print(sys.getrefcount(s))
copy = s[:]
print(copy is s, sys.getrefcount(s))
upper = s.upper()
print(sys.getrefcount(upper), upper is s)
part = s[0:6]
print(sys.getrefcount(part), part == "memory")
tup = tuple([s, 1])
print(sys.getrefcount(tup), sys.getrefcount(s))
del t, box, d, copy
print(sys.getrefcount(s))
f = f"{s}?"
print(sys.getrefcount(f), f)
