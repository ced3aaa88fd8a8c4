# Checks: sys.getsizeof is shallow: a container's size does not include what it holds, so
# containers of big objects and of small ones have equal sizes (when built the same way: a display
# of constants like [1, 2, 3] is built by extending and may be over-allocated).
import sys

one = 1
small = [one, one, one]
const_display = [1, 2, 3]
big = [list(range(1000)), "x" * 10000, 10 ** 500]
print(sys.getsizeof(small) == sys.getsizeof(big), sys.getsizeof(small), sys.getsizeof(const_display))
d1 = {"a": 1}
d2 = {"a": [0] * 1000}
print(sys.getsizeof(d1) == sys.getsizeof(d2))
t1 = (1, 2)
t2 = ([0] * 100, {})
print(sys.getsizeof(t1), sys.getsizeof(t2))


class Holder:
    def __init__(self, payload):
        self.payload = payload


h1 = Holder(1)
h2 = Holder([0] * 10000)
print(sys.getsizeof(h1) == sys.getsizeof(h2))
total = sys.getsizeof(big) + sum(sys.getsizeof(o) for o in big)
print(total)
