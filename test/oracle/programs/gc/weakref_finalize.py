# Checks: weakref.finalize runs its function once when the object dies (refcount and gc),
# alive/detach, calling it early, and finalizers still pending at exit (atexit=True).
import gc
import weakref

gc.disable()
gc.collect()

class Res:
    def __init__(self, name):
        self.name = name

def report(msg):
    print("finalizer:", msg)

r = Res("one")
f = weakref.finalize(r, report, "one released")
print(f.alive)
del r
print(f.alive)
r2 = Res("two")
f2 = weakref.finalize(r2, report, "two released")
print("call early:", f2())
print(f2.alive, f2())
del r2
r3 = Res("three")
r3.loop = r3
f3 = weakref.finalize(r3, report, "three (cycle) released")
del r3
print("before collect")
gc.collect()
r4 = Res("four")
f4 = weakref.finalize(r4, report, "four at exit")
r5 = Res("five")
f5 = weakref.finalize(r5, report, "five detached")
print(f5.detach()[0] is r5)
print("end of script")
