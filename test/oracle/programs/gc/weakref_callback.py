# Checks: weakref.ref callbacks run when the referent dies by refcount, receiving the dead ref;
# callbacks of several refs, and a ref deleted before its referent (no callback).
import gc
import weakref

gc.disable()
gc.collect()

class Obj:
    def __init__(self, name):
        self.name = name

def make_cb(tag):
    def cb(ref):
        print("callback", tag, ref() is None)
    return cb

o = Obj("o")
r1 = weakref.ref(o, make_cb("first"))
r2 = weakref.ref(o, make_cb("second"))
print(weakref.getweakrefcount(o))
print("deleting o")
del o
print("after del")
p = Obj("p")
r3 = weakref.ref(p, make_cb("never"))
del r3
del p
print("no callback for a dead ref")
