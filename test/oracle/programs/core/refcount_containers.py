# Checks: refcounts when lists, tuples, dicts and sets hold the same object once or several times.
import sys

class Box:
    pass

item = Box()
print("alone:", sys.getrefcount(item))
once = [item]
print("list once:", sys.getrefcount(item))
twice = [item, item]
print("list twice:", sys.getrefcount(item))
tup = (item, item, item)
print("tuple x3:", sys.getrefcount(item))
d = {"a": item, "b": item}
print("dict values x2:", sys.getrefcount(item))
keyed = {item: 1}
print("dict key:", sys.getrefcount(item))
s = {item}
print("set:", sys.getrefcount(item))
twice.append(item)
print("append:", sys.getrefcount(item))
twice.clear()
print("clear:", sys.getrefcount(item))
del tup, d
print("del tuple and dict:", sys.getrefcount(item))
keyed.pop(item)
s.discard(item)
print("pop and discard:", sys.getrefcount(item))
once[0] = None
print("overwritten slot:", sys.getrefcount(item))
