# Checks: sys.getsizeof of list displays of length 0..12 (exact size, no over-allocation).
import sys

print(sys.getsizeof([]))
print(sys.getsizeof([1]))
print(sys.getsizeof([1, 2]))
print(sys.getsizeof([1, 2, 3]))
print(sys.getsizeof([1, 2, 3, 4]))
print(sys.getsizeof([1, 2, 3, 4, 5]))
print(sys.getsizeof([1, 2, 3, 4, 5, 6]))
print(sys.getsizeof([1, 2, 3, 4, 5, 6, 7]))
print(sys.getsizeof([1, 2, 3, 4, 5, 6, 7, 8]))
print(sys.getsizeof([1, 2, 3, 4, 5, 6, 7, 8, 9]))
print(sys.getsizeof([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]))
print(sys.getsizeof(["a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k"]))
print(sys.getsizeof([[], [], [], [], [], [], [], [], [], [], [], []]))
x = 5
print(sys.getsizeof([x, x, x]), sys.getsizeof([x, [x], (x,)]))
print(sys.getsizeof([*range(3)]), sys.getsizeof([*range(7)]))
