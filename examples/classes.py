# Classes and instances: each instance stores its attributes in a per-instance __dict__,
# holds a reference to its class, and __del__ runs when its last reference goes away.
import sys


class Point:
    dimensions = 2            # a class attribute, shared by all instances

    def __init__(self, x, y):
        self.x = x            # instance attributes live in the instance's __dict__
        self.y = y

    def __del__(self):
        print("freeing", self)

    def __repr__(self):
        return f"Point({self.x}, {self.y})"


p = Point(1, 2)
print(p.__dict__, "dimensions:", p.dimensions)
print("instance size:", sys.getsizeof(p), "bytes (the __dict__ is separate)")

q = p                          # a second name: still one object
print("refs to the point:", sys.getrefcount(p))

p.z = 3                        # attributes can be added at any time
print(p.__dict__)

del p                          # q still refers to it: nothing freed
print("deleted p")
q = Point(5, 5)                # rebinding q drops the last reference to the first point
print("rebound q")
points = [Point(i, i) for i in range(2)]
points = None                  # the list goes, and with it both points
print("end of program")       # q is freed when the interpreter shuts down
