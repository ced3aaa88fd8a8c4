# Checks: unbounded recursion raises RecursionError, which can be caught; the limit is reported.
import sys

def down(n):
    return down(n + 1)

try:
    down(0)
except RecursionError as e:
    print(type(e).__name__, isinstance(e, RuntimeError))
print(sys.getrecursionlimit())

def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)

print(fact(200) % 1000003)
