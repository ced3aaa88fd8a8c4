# Checks: gc.get_stats: per-generation collections/collected/uncollectable, observed as deltas
# caused by the program's explicit collections.
import gc

gc.disable()
before = gc.get_stats()
print(len(before), sorted(before[0]))
a = []
a.append(a)
del a
gc.collect()
gc.collect(0)
gc.collect(0)
b = []
b.append(b)
del b
gc.collect(1)
after = gc.get_stats()
for gen in range(3):
    print(gen, after[gen]["collections"] - before[gen]["collections"],
          after[gen]["collected"] - before[gen]["collected"],
          after[gen]["uncollectable"] - before[gen]["uncollectable"])
