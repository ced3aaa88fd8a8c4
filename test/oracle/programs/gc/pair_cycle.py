# Checks: two instances referring to each other: alive after del, freed by collect with __del__ run.
import gc

gc.disable()
gc.collect()

class Person:
    def __init__(self, name):
        self.name = name
        self.friend = None

    def __del__(self):
        print("del", self.name)

a = Person("alice")
b = Person("bob")
a.friend = b
b.friend = a
del a
print("deleted a")
del b
print("deleted b, nothing freed yet")
print("collected:", gc.collect())
print("end")
