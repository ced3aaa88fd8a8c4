# Checks: an object resurrected by its __del__ during a collection keeps its whole cycle alive;
# the other members are not cleared.
import gc

gc.disable()
gc.collect()
rescued = None

class Keeper:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        global rescued
        print("__del__", self.name)
        if self.name == "k1":
            rescued = self

k1 = Keeper("k1")
k2 = Keeper("k2")
k1.other = k2
k2.other = k1
del k1, k2
print("collected:", gc.collect())
print(rescued.name, rescued.other.name, rescued.other.other is rescued)
rescued = None
print("collected again:", gc.collect())
print("end")
