# Checks: assignment to slices (grow, shrink, insert), extended slice assignment, del with steps.
a = list(range(8))
a[2:4] = ["x", "y", "z"]
print(a)
a[1:1] = [100, 101]
print(a)
a[-2:] = []
print(a)
a[:] = "abc"
print(a)
b = list(range(10))
b[::2] = [0] * 5
print(b)
b[1::3] = ["a", "b", "c"]
print(b)
try:
    b[::2] = [1, 2]
except ValueError as e:
    print("ValueError:", e)
c = list(range(10))
del c[::3]
print(c)
del c[-2:]
print(c)
del c[1:100]
print(c)
d = [1, 2, 3]
alias = d
d[:] = [9, 9]
print(alias, d is alias)
e = [1, 2, 3, 4]
e[1:3] = e
print(e)
