# Checks: sys.getsizeof of ints: zero, small, one and two 30-bit digits, negative, huge, bools.
import sys

values = [0, 1, -1, 255, 2 ** 30 - 1, 2 ** 30, -(2 ** 30), 2 ** 60 - 1, 2 ** 60, 2 ** 64, 10 ** 18,
          10 ** 100, -(10 ** 100), 2 ** 1000, 3 ** 500]
for v in values:
    print(sys.getsizeof(v))
print(sys.getsizeof(True), sys.getsizeof(False))
n = 1
for i in range(8):
    n = n * 1000000
    print(i, sys.getsizeof(n), sys.getsizeof(-n))
print(sys.getsizeof(int("9" * 50)))
