# Checks: a cycle that owns an outside object with __del__: the outside object dies when the cycle
# is cleared; order relative to the cycle members' finalizers.
import gc

gc.disable()
gc.collect()

class Leaf:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("leaf", self.name)

class Owner:
    def __init__(self, name):
        self.name = name
        self.leaf = Leaf(name + "-leaf")

    def __del__(self):
        print("owner", self.name)

o1 = Owner("o1")
o2 = Owner("o2")
o1.other = o2
o2.other = o1
del o1, o2
print("collect")
print(gc.collect())
print("end")
