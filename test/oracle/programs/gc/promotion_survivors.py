# Checks: survivors of a young collection move to the next generation (seen with
# gc.get_objects(generation)), and a full collection moves them to the oldest one.
import gc

gc.disable()
gc.collect()
x = []
x.append(x)

def where(obj):
    return [g for g in range(3) if any(o is obj for o in gc.get_objects(g))]

print("new object:", where(x))
gc.collect(0)
print("after collect(0):", where(x))
gc.collect(1)
print("after collect(1):", where(x))
y = {}
y["y"] = [y]
gc.collect()
print("after full collect:", where(x), where(y))
