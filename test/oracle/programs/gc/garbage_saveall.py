# Checks: gc.garbage is empty normally (cycles with __del__ are collected since 3.4), and with
# DEBUG_SAVEALL collected objects are kept in gc.garbage instead.
import gc

gc.disable()
gc.collect()

class WithDel:
    def __del__(self):
        print("finalizer ran")

w = WithDel()
w.me = w
del w
print(gc.collect(), gc.garbage)
gc.set_debug(gc.DEBUG_SAVEALL)
l1 = []
l2 = [l1]
l1.append(l2)
del l1, l2
print(gc.collect(), len(gc.garbage), sorted(type(o).__name__ for o in gc.garbage))
gc.set_debug(0)
gc.garbage.clear()
print(gc.collect(), gc.garbage)
