# Checks: gc.collect(generation) for 0, 1, 2: what each collects and get_count() afterwards.
import gc

gc.disable()
gc.collect()
print(gc.get_count())

def ring():
    a = []
    b = [a]
    a.append(b)

ring()
print("gen0:", gc.collect(0), gc.get_count())
ring()
print("gen1:", gc.collect(1), gc.get_count())
ring()
print("gen2:", gc.collect(2), gc.get_count())
survivor = []
survivor.append(survivor)
gc.collect(0)
print(gc.get_count())
gc.collect(0)
print(gc.get_count())
survivor = None
print("young collect misses the promoted cycle:", gc.collect(0))
print("full collect finds it:", gc.collect())
try:
    gc.collect(3)
except ValueError as e:
    print("ValueError:", e)
