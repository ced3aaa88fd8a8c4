# Checks: the keys of the info dict passed to gc callbacks, and several callbacks called in order.
import gc

gc.disable()
gc.collect()

def first(phase, info):
    print("first", phase, sorted(info))

def second(phase, info):
    print("second", phase, info["generation"])

gc.callbacks.append(first)
gc.callbacks.append(second)
gc.collect(2)
gc.callbacks.remove(first)
gc.collect(1)
gc.callbacks.remove(second)
print("done")
