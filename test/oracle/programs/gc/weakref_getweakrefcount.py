# Checks: weakref.getweakrefcount as refs and proxies come and go, and for objects without refs.
import gc
import weakref

gc.disable()

class K:
    pass

k = K()
print(weakref.getweakrefcount(k))
refs = [weakref.ref(k) for _ in range(3)]
print(weakref.getweakrefcount(k), len(refs))

def cb(r):
    pass

with_cb = weakref.ref(k, cb)
with_cb2 = weakref.ref(k, cb)
print(weakref.getweakrefcount(k), with_cb is with_cb2)
px = weakref.proxy(k)
print(weakref.getweakrefcount(k))
del with_cb
print(weakref.getweakrefcount(k))
refs = None
print(weakref.getweakrefcount(k))
print(weakref.getweakrefcount(5), weakref.getweakrefcount([]))
