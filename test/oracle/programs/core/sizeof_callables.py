# Checks: sys.getsizeof of functions, lambdas, closures' cells, bound methods, generators and
# iterator objects (frame layouts and object headers differ by version).
import sys


def plain(a, b):
    return a + b


def outer():
    x = [1]

    def inner():
        return x
    return inner


def gen(n):
    total = 0
    for i in range(n):
        total += i
        yield total


class K:
    def method(self):
        return 1


k = K()
f = outer()
print(sys.getsizeof(plain), sys.getsizeof(lambda: 0), sys.getsizeof(f))
print(sys.getsizeof(f.__closure__[0]), sys.getsizeof(k.method))
g = gen(3)
print(sys.getsizeof(g))
next(g)
print(sys.getsizeof(g))
print(sys.getsizeof(x for x in range(3)))
print(sys.getsizeof(iter([1, 2])), sys.getsizeof(enumerate([])), sys.getsizeof(zip([], [])))
print(sys.getsizeof(reversed([1])), sys.getsizeof(iter(range(3))), sys.getsizeof(iter("ab")))
