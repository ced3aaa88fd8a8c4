# Checks: sys.getsizeof of a list as pop, del, clear and slice deletion shrink it.
import sys

lst = list(range(40))
print(len(lst), sys.getsizeof(lst))
while lst:
    lst.pop()
    print(len(lst), sys.getsizeof(lst))
big = [0] * 50
big.clear()
print("clear:", sys.getsizeof(big))
big.append(1)
print("append after clear:", sys.getsizeof(big))
other = list(range(30))
del other[5:]
print("del slice:", len(other), sys.getsizeof(other))
other[1:3] = []
print("slice assign empty:", len(other), sys.getsizeof(other))
