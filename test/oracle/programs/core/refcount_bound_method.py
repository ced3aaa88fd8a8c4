# Checks: a bound method object holds its instance (__self__); refcounts as methods are kept.
import sys

class Greeter:
    def hello(self):
        return "hi"

g = Greeter()
print(sys.getrefcount(g))
m = g.hello
print("bound method kept:", sys.getrefcount(g))
m2 = g.hello
print("two bound methods:", sys.getrefcount(g))
print(m is m2, m == m2, m.__self__ is g)
print(m())
del m, m2
print("released:", sys.getrefcount(g))
g.hello()
print("after direct call:", sys.getrefcount(g))
methods = [g.hello for _ in range(3)]
print("list of three:", sys.getrefcount(g))
methods.clear()
print(sys.getrefcount(g))
