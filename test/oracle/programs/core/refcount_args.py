# Checks: refcount of an argument inside the called function (3.10 copies args into the frame,
# 3.11+ moves them), and after the call returns.
import sys

def one(p):
    return sys.getrefcount(p)

def two(p, q):
    return sys.getrefcount(p), sys.getrefcount(q)

def nested(p):
    return one(p)

def rebinds(p):
    local = p
    return sys.getrefcount(p)

obj = [1, 2]
print("outside:", sys.getrefcount(obj))
print("one:", one(obj))
print("two same:", two(obj, obj))
print("nested:", nested(obj))
print("rebinds:", rebinds(obj))
print("temp arg:", one([5, 6]))
print("keyword:", one(p=obj))
print("after calls:", sys.getrefcount(obj))
