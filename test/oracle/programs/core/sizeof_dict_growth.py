# Checks: sys.getsizeof of a dict as keys are inserted one at a time (resizes), with int keys.
import sys

d = {}
prev = sys.getsizeof(d)
print(0, prev)
for i in range(1, 100):
    d[i] = i
    size = sys.getsizeof(d)
    if size != prev:
        print(len(d), size)
        prev = size
s = {}
prev = sys.getsizeof(s)
for i in range(30):
    s[str(i)] = i
    size = sys.getsizeof(s)
    if size != prev:
        print("str keys", len(s), size)
        prev = size
