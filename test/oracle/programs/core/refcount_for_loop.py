# Checks: refcounts of the items a for-loop visits, and of the loop variable after the loop.
import sys

class Item:
    def __init__(self, n):
        self.n = n

items = [Item(0), Item(1), Item(2)]
for it in items:
    print(it.n, sys.getrefcount(it))
print("after loop, last item:", sys.getrefcount(items[-1]))
del it
print("loop var deleted:", sys.getrefcount(items[-1]))

def walk(seq):
    out = []
    for x in seq:
        out.append(sys.getrefcount(x))
    return out

print(walk(items))
for i, it in enumerate(items):
    print(i, sys.getrefcount(it))
total = 0
for pair in zip(items, items):
    total += sys.getrefcount(pair[0])
print(total)
