# Checks: the order in which __del__ runs for the members of one collected cycle (PEP 442),
# and that all finalizers run before any member is cleared.
import gc

gc.disable()
gc.collect()

class Member:
    def __init__(self, name):
        self.name = name
        self.next = None

    def __del__(self):
        print("finalize", self.name, "next is", self.next.name if self.next else None)

a = Member("a")
b = Member("b")
c = Member("c")
a.next = b
b.next = c
c.next = a
del a, b, c
print("collecting")
print("collected:", gc.collect())
x = Member("x")
y = Member("y")
y.next = x
x.next = y
del y, x
print("collected:", gc.collect())
