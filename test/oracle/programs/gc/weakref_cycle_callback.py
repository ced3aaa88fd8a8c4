# Checks: weak references to members of a cycle are cleared and their callbacks run during
# gc.collect(), before finalizers; order of callbacks and __del__ messages.
import gc
import weakref

gc.disable()
gc.collect()

class Node:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)

def cb(ref):
    print("weakref callback, dead:", ref() is None)

a = Node("a")
b = Node("b")
a.other = b
b.other = a
ra = weakref.ref(a, cb)
rb = weakref.ref(b)
del a, b
print("alive before collect:", ra() is not None, rb() is not None)
print("collected:", gc.collect())
print("after:", ra() is None, rb() is None)
