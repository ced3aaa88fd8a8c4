# Checks: dicts: untracked while they hold only atomic keys and values, tracked once a container
# value is stored; instance __dict__ behaviour.
import gc

gc.disable()
d = {}
print(gc.is_tracked(d))
d["a"] = 1
d[2] = "two"
print(gc.is_tracked(d))
d["list"] = []
print(gc.is_tracked(d))
del d["list"]
print(gc.is_tracked(d))
gc.collect()
print(gc.is_tracked(d))
t = {"x": (1, 2)}
print(gc.is_tracked(t))
gc.collect()
print(gc.is_tracked(t))
c = dict(a=1)
print(gc.is_tracked(c), gc.is_tracked({1: []}), gc.is_tracked({i: i for i in range(3)}))

class C:
    pass

obj = C()
obj.x = 1
print(gc.is_tracked(obj), gc.is_tracked(obj.__dict__))
