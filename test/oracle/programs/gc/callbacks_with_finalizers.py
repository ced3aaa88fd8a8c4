# Checks: the order of gc.callbacks "start"/"stop" relative to __del__ finalizers and weakref
# callbacks that run inside one collection.
import gc
import weakref

gc.disable()
gc.collect()


def phase(phase, info):
    print("gc", phase, "generation", info["generation"], "collected", info["collected"])


class Part:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("__del__", self.name)


def wr_cb(ref):
    print("weakref callback")


a = Part("a")
b = Part("b")
a.b = b
b.a = a
watch = weakref.ref(b, wr_cb)
del a, b
gc.callbacks.append(phase)
print("collect returned", gc.collect())
gc.callbacks.remove(phase)
print("end")
