# Checks: refcounts through *args and **kwargs packing and unpacking at call sites.
import sys

def star(*args):
    return sys.getrefcount(args[0]), len(args)

def kw(**kwargs):
    return sys.getrefcount(kwargs["x"]), sorted(kwargs)

def both(a, *rest, **opts):
    return sys.getrefcount(a), len(rest), len(opts)

obj = {"k": 1}
print(sys.getrefcount(obj))
print(star(obj))
print(star(obj, obj, obj))
print(kw(x=obj, y=2))
print(both(obj, 1, 2, z=obj))
seq = [obj, obj]
print(star(*seq))
opts = {"x": obj}
print(kw(**opts))
print(sys.getrefcount(obj))
