# Checks: one collection that finds several independent cycles, some with finalizers, plus objects
# hanging off the cycles; order of __del__ messages and the total count.
import gc

gc.disable()
gc.collect()

class F:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)

class Plain:
    pass

def cycle_of(name1, name2):
    a = F(name1)
    b = F(name2)
    a.peer = b
    b.peer = a

cycle_of("c1a", "c1b")
p = Plain()
p.self = p
p.payload = F("hanging")
cycle_of("c2a", "c2b")
del p
print("collected:", gc.collect())
print("end")
