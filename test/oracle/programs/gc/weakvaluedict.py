# Checks: WeakValueDictionary entries disappear when their values die (by refcount and by gc).
import gc
import weakref

gc.disable()
gc.collect()

class Image:
    def __init__(self, name):
        self.name = name

cache = weakref.WeakValueDictionary()
a = Image("a")
b = Image("b")
cache["a"] = a
cache["b"] = b
print(sorted(cache.keys()), len(cache))
del a
print(sorted(cache.keys()), len(cache))
print(cache.get("a"), cache["b"].name, "b" in cache)
b.self = b
del b
print("cycle not yet collected:", sorted(cache.keys()))
gc.collect()
print("after collect:", sorted(cache.keys()), len(cache))
try:
    cache["a"]
except KeyError as e:
    print("KeyError:", e)
