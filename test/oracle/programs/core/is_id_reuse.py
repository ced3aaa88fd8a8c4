# Checks: id() comparisons (never the values): equal ids for one object, reuse of a freed object's
# memory by the next object of the same type, distinct ids for objects alive together.
class P:
    pass

a = P()
b = a
print(id(a) == id(b))
c = P()
print(id(a) == id(c))
print(id([]) == id([]))
print(id(P()) == id(P()))
old = id(c)
del c
d = P()
print(id(d) == old)
x = [1]
y = [2]
print(id(x) == id(y))
first = id(x)
x = None
z = [3]
print(id(z) == first)
n = 10 ** 20
m = n + 1
print(id(n) == id(m), id(n) == id(n))
