# Checks: sys.getsizeof of tuples of several lengths, built as constants, at run time and by tuple().
import sys

print(sys.getsizeof(()), sys.getsizeof((1,)), sys.getsizeof((1, 2)), sys.getsizeof((1, 2, 3)))
for n in range(0, 12, 3):
    t = tuple(range(n))
    print(n, sys.getsizeof(t))
x = [1]
print(sys.getsizeof((x, x)), sys.getsizeof(tuple([x] * 10)))
print(sys.getsizeof(tuple("hello")))
a, b = 1, 2
pair = a, b
print(sys.getsizeof(pair))
