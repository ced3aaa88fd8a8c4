# Checks: default argument values are held by the function object (__defaults__).
import sys

shared = []
print(sys.getrefcount(shared))

def f(x=shared):
    return x

print("held by defaults:", sys.getrefcount(shared))

def g(a, b=shared, *, c=shared):
    return a

print("g holds twice:", sys.getrefcount(shared))
print(f() is shared, g(1))
del f
print("f deleted:", sys.getrefcount(shared))

def appender(item, acc=[]):
    acc.append(item)
    return acc

print(appender(1), appender(2), appender(3, []))
del g
print("g deleted:", sys.getrefcount(shared))
