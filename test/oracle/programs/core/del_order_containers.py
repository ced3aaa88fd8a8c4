# Checks: the order in which list, tuple and dict deallocation release their items (via __del__).
class N:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)

lst = [N("l0"), N("l1"), N("l2")]
print("del list")
del lst
tup = (N("t0"), N("t1"), N("t2"))
print("del tuple")
del tup
d = {1: N("d1"), 2: N("d2"), 3: N("d3")}
print("del dict")
del d
lst = [N("c0"), N("c1"), N("c2")]
print("clear list")
lst.clear()
d = {1: N("e1"), 2: N("e2"), 3: N("e3")}
print("clear dict")
d.clear()
lst = [N("s0"), N("s1"), N("s2"), N("s3")]
print("del slice")
del lst[1:3]
print("slice assign")
lst[:] = [N("new")]
print("end")
