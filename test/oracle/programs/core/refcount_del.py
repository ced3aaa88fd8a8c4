# Checks: del of names, list items, dict entries, attributes and slices, watched through refcounts.
import sys

class T:
    pass

t = T()
a = b = t
lst = [t, t, t]
d = {1: t}
holder = T()
holder.x = t
print(sys.getrefcount(t))
del a
print(sys.getrefcount(t))
del lst[0]
print(sys.getrefcount(t))
del lst[:]
print(sys.getrefcount(t), lst)
del d[1]
print(sys.getrefcount(t), d)
del holder.x
print(sys.getrefcount(t))
del b
print(sys.getrefcount(t))
try:
    del b
except NameError as e:
    print("NameError:", e)
