# Checks: __del__ runs exactly when the last reference goes: del, rebinding, overwriting in a list.
class Noisy:
    def __init__(self, name):
        self.name = name
        print("create", name)

    def __del__(self):
        print("delete", self.name)

a = Noisy("a")
b = a
print("del a")
del a
print("del b")
del b
c = Noisy("c1")
print("rebind c")
c = Noisy("c2")
print("rebound")
lst = [Noisy("x"), Noisy("y")]
print("overwrite slot 0")
lst[0] = None
print("pop")
lst.pop()
print("set c to None")
c = None
print("end")
