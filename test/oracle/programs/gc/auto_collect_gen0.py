# Checks: automatic collections triggered by allocations once gen0 passes a small threshold,
# observed through gc.callbacks (how many collections of each generation run).
import gc

gc.disable()
gc.collect()
counts = [0, 0, 0]

def cb(phase, info):
    if phase == "start":
        counts[info["generation"]] += 1

gc.set_threshold(10, 1000, 1000)
gc.callbacks.append(cb)
gc.enable()
keep = []
for i in range(100):
    keep.append([i])
gc.disable()
gc.callbacks.remove(cb)
print(counts[0] > 0, counts[1], counts[2])
print(counts)
