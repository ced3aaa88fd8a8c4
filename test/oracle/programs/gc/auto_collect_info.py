# Checks: automatic collections report in the callback info how many objects each one freed.
import gc

gc.disable()
gc.collect()
infos = []

def cb(phase, info):
    if phase == "stop":
        infos.append((info["generation"], info["collected"]))

gc.set_threshold(30, 100, 100)
gc.callbacks.append(cb)
gc.enable()
for i in range(100):
    pair = [[], []]
    pair[0].append(pair)
pair = None
gc.disable()
gc.callbacks.remove(cb)
print(len(infos))
print(infos)
print("total collected automatically:", sum(c for g, c in infos))
