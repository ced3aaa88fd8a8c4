# Checks: a cycle still reachable from a live name is not collected; once unreachable it is.
import gc

gc.disable()
gc.collect()

class N:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)

a = N("a")
b = N("b")
a.b = b
b.a = a
keep = b
del a, b
print("reachable through keep:", gc.collect())
outside = [keep]
keep = None
print("reachable through a list:", gc.collect())
outside.clear()
print("unreachable:", gc.collect())
