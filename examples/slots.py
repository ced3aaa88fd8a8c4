# __slots__: instances without a __dict__. Each instance keeps its attributes in fixed slots
# right after the object header, so it is smaller and cannot grow new attributes.
import sys


class Point:                      # an ordinary class: attributes live in a dict (or inline values)
    def __init__(self, x, y):
        self.x = x
        self.y = y


class SlotPoint:
    __slots__ = ("x", "y")        # two slots: no __dict__, no __weakref__

    def __init__(self, x, y):
        self.x = x
        self.y = y


p = Point(1, 2)
s = SlotPoint(1, 2)
print("has __dict__:", hasattr(p, "__dict__"), hasattr(s, "__dict__"))
print("instance sizes:", sys.getsizeof(p), sys.getsizeof(s))
# getsizeof does not count the dict; asking for p.__dict__ makes it (3.11+ keep values inline until then)
print("Point with its dict:", sys.getsizeof(p) + sys.getsizeof(p.__dict__))
print("a slot on the class:", SlotPoint.x)

try:
    s.z = 3                       # no slot named z and no dict to fall back on
except AttributeError as e:
    print("AttributeError:", e)

