# Checks: gc.collect() return values for garbage of different sizes and kinds.
import gc

gc.disable()
print(gc.collect() >= 0)
print(gc.collect())

class C:
    pass

for n in [1, 2, 5, 10]:
    objs = [[] for _ in range(n)]
    for i in range(n):
        objs[i].append(objs[(i + 1) % n])
    objs = None
    print(n, "lists in a ring:", gc.collect())
for n in [1, 3]:
    insts = [C() for _ in range(n)]
    for i in range(n):
        insts[i].peer = insts[(i + 1) % n]
    insts = None
    print(n, "instances in a ring:", gc.collect())
plain = [[1], [2]]
plain = None
print("no cycle:", gc.collect())
