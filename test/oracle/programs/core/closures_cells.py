# Checks: closures sharing one cell, late binding in loops, nested three levels, cell refcounts.
import sys

def pair():
    value = [0]
    def get():
        return value
    def set_(v):
        nonlocal value
        value = v
    return get, set_

get, set_ = pair()
print(get())
set_([5])
print(get())
fns = []
for i in range(3):
    def f():
        return i
    fns.append(f)
print([f() for f in fns])

def level1():
    a = 1
    def level2():
        b = 2
        def level3():
            return a + b
        return level3
    return level2()

print(level1()())
obj = [1]

def capture(o):
    def inner():
        return o
    return inner

c1 = capture(obj)
print(sys.getrefcount(obj))
print(c1.__closure__[0].cell_contents is obj, len(c1.__closure__))
