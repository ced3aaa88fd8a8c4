# Checks: weakref.ref to an instance: dereferencing, not counted by getrefcount, dead after the
# last strong reference goes, getweakrefcount.
import gc
import sys
import weakref

gc.disable()
gc.collect()

class Target:
    pass

t = Target()
print(sys.getrefcount(t))
r = weakref.ref(t)
print(sys.getrefcount(t), r() is t, weakref.getweakrefcount(t))
r2 = weakref.ref(t)
print(r2 is r, weakref.getweakrefcount(t))
del t
print(r() is None, r2() is None)
try:
    weakref.ref([])
except TypeError as e:
    print("TypeError:", e)
try:
    weakref.ref(1)
except TypeError as e:
    print("TypeError:", e)
