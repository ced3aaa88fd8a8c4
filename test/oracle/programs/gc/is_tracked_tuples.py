# Checks: tuples: tracked at creation, untracked by a collection when they hold only atoms;
# tuples holding containers stay tracked.
import gc

gc.disable()
a = tuple([1, 2, 3])
b = tuple(["x", 2.5])
c = tuple([[], 1])
d = (1, 2)
n = 5
e = (n, n + 1)
print(gc.is_tracked(a), gc.is_tracked(b), gc.is_tracked(c), gc.is_tracked(d), gc.is_tracked(e))
gc.collect()
print(gc.is_tracked(a), gc.is_tracked(b), gc.is_tracked(c), gc.is_tracked(d), gc.is_tracked(e))
inner = tuple([1])
outer = tuple([inner, 2])
print(gc.is_tracked(inner), gc.is_tracked(outer))
gc.collect()
print(gc.is_tracked(inner), gc.is_tracked(outer))
later = tuple([[]])
later[0].append(1)
gc.collect()
print(gc.is_tracked(later))
