# Closures: an inner function keeps the variables it uses from the outer function alive,
# in "cell" objects, even after the outer function has returned.
import sys


def make_counter():
    count = 0                 # lives in a cell because `increment` uses it

    def increment():
        nonlocal count        # rebind the outer variable, not a new local
        count += 1
        return count

    return increment


counter = make_counter()      # make_counter has returned, but `count` survives
print(counter(), counter(), counter())

other = make_counter()        # every call makes a fresh cell
print("independent:", other(), counter())

settings = {"verbose": True}


def make_reader(obj):
    def read():
        return obj            # the cell holds a reference to the dict
    return read


before = sys.getrefcount(settings)
reader = make_reader(settings)
print("extra references held by the closure:", sys.getrefcount(settings) - before)
del reader                    # the function and its cell go away together
print("after del:", sys.getrefcount(settings) - before)
