# Checks: a closure's cell holds the captured object; refcounts before, during and after.
import sys

def make(value):
    def inner():
        return value
    return inner

obj = [0]
print(sys.getrefcount(obj))
f = make(obj)
print("captured by a cell:", sys.getrefcount(obj))
g = make(obj)
print("two closures:", sys.getrefcount(obj))
print(f() is obj, g() is obj)
del f
print("one closure gone:", sys.getrefcount(obj))
g = None
print("both gone:", sys.getrefcount(obj))

def counter():
    count = [0]
    def bump():
        count[0] += 1
        return count[0]
    return bump

b = counter()
print(b(), b(), b())
