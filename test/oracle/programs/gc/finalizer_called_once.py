# Checks: PEP 442: __del__ of an object in a cycle runs once, even if the object is resurrected
# and later becomes garbage again.
import gc

gc.disable()
gc.collect()
saved = []

class Phoenix:
    calls = 0

    def __del__(self):
        Phoenix.calls += 1
        print("__del__ call", Phoenix.calls)
        saved.append(self)

p = Phoenix()
p.me = p
del p
print("first collect:", gc.collect(), len(saved))
p = saved.pop()
print("resurrected:", type(p).__name__, p.me is p)
del p
print("second collect:", gc.collect(), len(saved), Phoenix.calls)
q = Phoenix()
del q
print("no cycle, refcount death:", Phoenix.calls, len(saved))
saved.clear()
print("cleared list:", Phoenix.calls)
