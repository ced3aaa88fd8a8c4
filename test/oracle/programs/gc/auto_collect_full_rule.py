# Checks: automatic collections of the oldest generation with tiny thresholds, after gc.freeze()
# moved the interpreter's startup objects out of the way (so the "long-lived objects" rule for a
# full collection depends only on what this program keeps alive).
import gc

gc.disable()
gc.freeze()
gc.collect()
per_gen = [0, 0, 0]


def cb(phase, info):
    if phase == "start":
        per_gen[info["generation"]] += 1


gc.set_threshold(50, 2, 2)
gc.callbacks.append(cb)
gc.enable()
kept = []
for i in range(3000):
    kept.append([i])
gc.disable()
gc.callbacks.remove(cb)
print(per_gen)
print(per_gen[2] > 0)
gc.unfreeze()
