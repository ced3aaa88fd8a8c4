# Checks: sys.getsizeof of instances of user classes (empty, with attributes, subclasses) and of
# their __dict__ (managed dicts differ by version).
import sys

class Empty:
    pass

class WithInit:
    def __init__(self):
        self.a = 1
        self.b = 2

class Child(WithInit):
    pass

e = Empty()
w = WithInit()
c = Child()
print(sys.getsizeof(e), sys.getsizeof(w), sys.getsizeof(c))
print(sys.getsizeof(object()))
print(sys.getsizeof(w.__dict__))
e.x = 1
print(sys.getsizeof(e))
for i in range(10):
    setattr(e, "attr" + str(i), i)
print(sys.getsizeof(e), sys.getsizeof(e.__dict__), len(e.__dict__))
class Exc(Exception):
    pass
print(sys.getsizeof(Exception()), sys.getsizeof(Exc("m")))
