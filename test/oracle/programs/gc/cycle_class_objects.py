# Checks: a class is always part of a reference cycle (its __mro__, __dict__ and descriptors):
# deleting it frees nothing until gc.collect(); instances keep it alive.
import gc
import weakref

gc.disable()
gc.collect()

class Temp:
    def method(self):
        return 1

r = weakref.ref(Temp)
inst = Temp()
del Temp
print("class alive:", r() is not None)
gc.collect()
print("kept by instance:", r() is not None)
del inst
print("after instance gone:", r() is not None)
print(gc.collect() > 0)
print("class freed:", r() is None)
