# Checks: object.__new__ called through a class, through object, from a custom __new__ via super();
# the instance's refcount; the TypeError for a non-type argument.
import sys
class A:
    pass
a = A.__new__(A)
print(type(a).__name__, sys.getrefcount(a))
b = object.__new__(A)
print(type(b) is A)
class S:
    def __new__(cls, *args):
        inst = super().__new__(cls)
        inst.made = args
        return inst
    def __init__(self, x):
        self.x = x
s = S(5)
print(s.made, s.x, sys.getrefcount(s))
try:
    object.__new__(3)
except TypeError as e:
    print(e)
