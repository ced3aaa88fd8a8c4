# Checks: sys.getsizeof of floats, None, complex-free scalars, ranges, functions-free basics.
import sys

print(sys.getsizeof(0.0), sys.getsizeof(1.5), sys.getsizeof(-1e300), sys.getsizeof(float("inf")))
print(sys.getsizeof(None))
print(sys.getsizeof(range(10)), sys.getsizeof(range(0)), sys.getsizeof(range(10 ** 20)))
x = 1.0
for i in range(3):
    x = x * 1e100
    print(x, sys.getsizeof(x))
