# Checks: sys.getsizeof of lists built by list(range(n)), [0] * n, comprehensions, list(tuple), copies.
import sys

for n in [0, 1, 2, 3, 4, 5, 8, 9, 10, 16, 17, 100]:
    a = list(range(n))
    b = [0] * n
    c = [i for i in range(n)]
    d = list(tuple(range(n)))
    e = a[:]
    f = a.copy()
    g = a + []
    print(n, sys.getsizeof(a), sys.getsizeof(b), sys.getsizeof(c), sys.getsizeof(d),
          sys.getsizeof(e), sys.getsizeof(f), sys.getsizeof(g))
print(sys.getsizeof(list("abcdef")), sys.getsizeof(sorted([3, 1, 2])))
print(sys.getsizeof([1, 2] * 3), sys.getsizeof(list(x for x in range(5))))
