# Checks: iterators hold their container: iter(), enumerate/zip/reversed objects, and a for loop's
# hidden iterator; refcounts while they live and after they are exhausted or dropped.
import sys

data = [1, 2, 3]
print(sys.getrefcount(data))
it = iter(data)
print("iter:", sys.getrefcount(data))
e = enumerate(data)
z = zip(data, data)
r = reversed(data)
print("enumerate, zip x2, reversed:", sys.getrefcount(data))
for _ in it:
    pass
print("list iterator exhausted:", sys.getrefcount(data))
del it, e, z, r
print("all dropped:", sys.getrefcount(data))
for x in data:
    print("in loop:", sys.getrefcount(data))
    break
print("after loop:", sys.getrefcount(data))
d = {"k": data}
vals = d.values()
print("dict view holds the dict, not the list:", sys.getrefcount(data), sys.getrefcount(d))
gen = (v for v in data)
print("generator expression:", sys.getrefcount(data))
gen = None
print(sys.getrefcount(data))
