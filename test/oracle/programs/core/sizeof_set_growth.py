# Checks: sys.getsizeof of sets as ints are added, for set(), displays and set(range(n)).
import sys

s = set()
prev = sys.getsizeof(s)
print(0, prev)
for i in range(1, 200):
    s.add(i)
    size = sys.getsizeof(s)
    if size != prev:
        print(len(s), size)
        prev = size
print(sys.getsizeof({1, 2, 3}), sys.getsizeof(set(range(10))), sys.getsizeof(set(range(100))))
print(sys.getsizeof({i for i in range(10)}))
s.clear()
print("clear:", sys.getsizeof(s))
