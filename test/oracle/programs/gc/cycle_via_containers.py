# Checks: cycles that pass through dicts, lists and tuples between instances; collect() counts.
import gc

gc.disable()
gc.collect()

class Box:
    pass

a = Box()
a.items = [a]
del a
print("instance -> list -> instance:", gc.collect())
b = Box()
b.table = {"back": b}
del b
print("instance -> dict -> instance:", gc.collect())
c = []
t = (c, 1)
c.append(t)
del c, t
print("list -> tuple -> list:", gc.collect())
outer = {"inner": {"deeper": []}}
outer["inner"]["deeper"].append(outer)
del outer
print("dict -> dict -> list -> dict:", gc.collect())
x = [[[]]]
x[0][0].append(x)
del x
print("nested lists:", gc.collect())
