# Checks: a generator that refers to itself through its frame (via an object) forms a cycle;
# its finally clause runs when the collector finalizes it.
import gc

gc.disable()
gc.collect()

class Holder:
    pass

def worker(h):
    try:
        yield 1
        yield 2
    finally:
        print("generator finally")

h = Holder()
g = worker(h)
h.gen = g
print(next(g))
del g, h
print("dropped")
print("collected:", gc.collect())
print("end")
