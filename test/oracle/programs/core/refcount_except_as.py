# Checks: the exception object bound by `except ... as e`, and that the name is deleted after the block.
import sys

class Oops(Exception):
    pass

keep = None
try:
    raise Oops("bad")
except Oops as e:
    print("inside handler:", sys.getrefcount(e))
    keep = e
    print("kept:", sys.getrefcount(e))
print("after handler:", sys.getrefcount(keep))
try:
    e
except NameError as ne:
    print("e is gone:", type(ne).__name__)
print(keep.args, str(keep))

def f():
    try:
        raise ValueError("v")
    except ValueError as err:
        return sys.getrefcount(err)

print("in function:", f())
