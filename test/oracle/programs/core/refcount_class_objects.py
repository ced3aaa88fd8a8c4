# Checks: sys.getrefcount of class objects the program defines: a fresh class, after subclassing,
# with instances, with methods using super() (the __class__ cell), and after deleting them.
import sys


class Empty:
    pass


print("empty class:", sys.getrefcount(Empty))


class WithMethods:
    def a(self):
        return 1

    def b(self):
        return 2


print("with methods:", sys.getrefcount(WithMethods))


class Child(Empty):
    pass


print("base after subclassing:", sys.getrefcount(Empty), "child:", sys.getrefcount(Child))


class UsesSuper(Empty):
    def __init__(self):
        super().__init__()


print("class with super():", sys.getrefcount(UsesSuper))
objs = [Empty(), Empty(), Child()]
print("with instances:", sys.getrefcount(Empty), sys.getrefcount(Child))
objs = None
print("instances gone:", sys.getrefcount(Empty), sys.getrefcount(Child))
alias = Child
print("alias:", sys.getrefcount(Child))
