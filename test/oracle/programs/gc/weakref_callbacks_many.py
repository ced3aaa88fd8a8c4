# Checks: several weak references with callbacks to several members of one cycle: which callbacks
# run during gc.collect() and in what order.
import gc
import weakref

gc.disable()
gc.collect()

class V:
    def __init__(self, name):
        self.name = name

def cb_for(tag):
    def cb(ref):
        print("callback", tag)
    return cb

a = V("a")
b = V("b")
c = V("c")
a.n = b
b.n = c
c.n = a
refs = [weakref.ref(a, cb_for("a1")), weakref.ref(b, cb_for("b1")),
        weakref.ref(c, cb_for("c1")), weakref.ref(a, cb_for("a2"))]
del a, b, c
print("collecting")
print(gc.collect())
print([r() is None for r in refs])
