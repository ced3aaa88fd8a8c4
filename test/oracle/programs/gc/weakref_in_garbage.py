# Checks: a weak reference that is itself part of the cyclic garbage does not call its callback
# when the collector frees its referent; a weakref held from outside the garbage does.
import gc
import weakref

gc.disable()
gc.collect()


class Node:
    def __init__(self, name):
        self.name = name


def make_cb(tag):
    def cb(ref):
        print("callback", tag)
    return cb


a = Node("a")
b = Node("b")
a.peer = b
b.peer = a
a.watch = weakref.ref(b, make_cb("held by garbage"))
outside = weakref.ref(a, make_cb("held from outside"))
del a, b
print("collecting")
print(gc.collect())
print("outside ref dead:", outside() is None)
