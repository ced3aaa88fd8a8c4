# Checks: list over-allocation as append grows a list one item at a time (size after each step).
import sys

lst = []
prev = sys.getsizeof(lst)
print(0, prev)
for i in range(1, 70):
    lst.append(i)
    size = sys.getsizeof(lst)
    if size != prev:
        print(len(lst), size)
        prev = size
lst2 = [1, 2, 3]
print("from literal:", sys.getsizeof(lst2))
lst2.append(4)
print("one append:", sys.getsizeof(lst2))
lst2.extend([5, 6, 7, 8, 9, 10])
print("extend:", sys.getsizeof(lst2))
lst2.insert(0, 0)
print("insert:", sys.getsizeof(lst2))
