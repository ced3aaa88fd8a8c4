# Checks: refcounts seen inside list/dict comprehensions and generator expressions, and after them.
import sys

class Node:
    pass

nodes = [Node(), Node()]
print([sys.getrefcount(n) for n in nodes])
print({i: sys.getrefcount(n) for i, n in enumerate(nodes)})
print(list(sys.getrefcount(n) for n in nodes))
copies = [n for n in nodes]
print(sys.getrefcount(nodes[0]))
pairs = [(n, n) for n in nodes]
print(sys.getrefcount(nodes[0]))
del copies
print(sys.getrefcount(nodes[0]))
pairs = None
print(sys.getrefcount(nodes[0]))
squares = [x * x for x in range(5) if x % 2 == 0]
print(squares)
