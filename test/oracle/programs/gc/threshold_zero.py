# Checks: set_threshold(0) turns automatic collection off even while gc is enabled; an explicit
# collect() still works and callbacks see only it.
import gc

gc.disable()
gc.collect()
seen = []

def cb(phase, info):
    if phase == "stop":
        seen.append((info["generation"], info["collected"]))

gc.callbacks.append(cb)
gc.set_threshold(0)
gc.enable()
for i in range(3000):
    a = []
    a.append(a)
print("automatic collections:", len(seen))
gc.set_threshold(700)
gc.disable()
a = None
n = gc.collect()
gc.callbacks.remove(cb)
print(n, seen)
