# Checks: an instance's attributes are released after its own __del__, in attribute order.
class N:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)

class Owner:
    def __init__(self):
        self.b = N("b")
        self.a = N("a")
        self.c = N("c")

    def __del__(self):
        print("del owner")

o = Owner()
print("drop owner")
o = None
o2 = Owner()
o2.b = N("b2")
print("drop owner 2")
del o2
o3 = Owner()
del o3.a
print("drop owner 3")
o3 = 0
print("end")
