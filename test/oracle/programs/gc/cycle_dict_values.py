# Checks: a registry dict whose values point back to the registry, with instances and lists,
# freed together; collect() count for a larger mixed structure.
import gc

gc.disable()
gc.collect()

class Entry:
    def __init__(self, registry, key):
        self.registry = registry
        self.key = key
        registry[key] = self

registry = {}
for k in range(5):
    Entry(registry, k)
registry["all"] = list(registry.values())
print(len(registry), len(registry["all"]))
del registry
print(gc.collect())
