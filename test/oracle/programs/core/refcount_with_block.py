# Checks: refcounts of a context manager and of the value `as` binds, inside and after a with block
# (the interpreter keeps the bound __exit__ on the stack while the block runs).
import sys


class Managed:
    def __init__(self):
        self.value = [0]

    def __enter__(self):
        return self.value

    def __exit__(self, exc_type, exc, tb):
        return False


cm = Managed()
print("before:", sys.getrefcount(cm), sys.getrefcount(cm.value))
with cm as v:
    print("inside:", sys.getrefcount(cm), sys.getrefcount(v))
print("after:", sys.getrefcount(cm), sys.getrefcount(v))
del v
print("as-name deleted:", sys.getrefcount(cm.value))
with Managed() as temp_value:
    print("temporary manager's value:", sys.getrefcount(temp_value))
print("manager gone, value kept by name:", sys.getrefcount(temp_value))


class Self:
    def __enter__(self):
        return self

    def __exit__(self, *args):
        return False


with Self() as s:
    print("enter returns self:", sys.getrefcount(s))
print("after:", sys.getrefcount(s))
