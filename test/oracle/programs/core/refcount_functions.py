# Checks: refcounts of function objects: bound by def, stored in containers and as defaults,
# referenced by a closure, passed as arguments, and while running (recursion).
import sys


def work():
    return 1


print("def:", sys.getrefcount(work))
table = {"w": work}
handlers = [work, work]
print("in dict and list x2:", sys.getrefcount(work))


def call_with(fn):
    return sys.getrefcount(fn)


print("as argument:", call_with(work))


def depth(n):
    if n == 0:
        return sys.getrefcount(depth)
    return depth(n - 1)


print("during recursion:", depth(0), depth(3))


def make_caller(fn):
    def caller():
        return fn()
    return caller


c = make_caller(work)
print("captured by a closure:", sys.getrefcount(work))
del table, handlers, c
print("released:", sys.getrefcount(work))
