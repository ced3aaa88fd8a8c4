# Checks: a list containing itself, a dict containing itself, and a list holding itself twice.
import gc
import sys

gc.disable()
gc.collect()
lst = []
lst.append(lst)
print(sys.getrefcount(lst), lst)
del lst
print(gc.collect())
d = {}
d["self"] = d
del d
print(gc.collect())
twice = []
twice.append(twice)
twice.append(twice)
print(sys.getrefcount(twice))
twice = None
print(gc.collect())
