# Checks: gc.callbacks are called with "start" and "stop" around gc.collect(), with the info dict
# (generation, collected, uncollectable) for explicit collections of each generation.
import gc

gc.disable()
gc.collect()
events = []

def watch(phase, info):
    events.append((phase, info["generation"], info["collected"], info["uncollectable"]))

gc.callbacks.append(watch)
junk = []
junk.append(junk)
del junk
print("returned:", gc.collect())
gc.collect(0)
gc.collect(1)
gc.callbacks.remove(watch)
gc.collect()
for e in events:
    print(e)
print(len(gc.callbacks) == 0 or watch not in gc.callbacks)
