# Checks: range objects: len, indexing, slicing (gives a range), negative steps, membership, repr.
r = range(0, 20, 3)
print(r, len(r), r[2], r[-1], list(r))
print(r[1:4], r[::-1], r[::2], list(r[::-2]))
print(9 in r, 10 in r, r.index(9), r.count(12))
e = range(5, 0)
print(len(e), list(e), bool(e), bool(r))
d = range(10, 0, -3)
print(list(d), d[0], len(d))
print(range(3) == range(0, 3), range(0) == range(5, 5))
big = range(10 ** 12)
print(len(big), big[-1], big[10 ** 11])
try:
    r[100]
except IndexError as e:
    print("IndexError:", e)
try:
    range(1, 2, 0)
except ValueError as e:
    print("ValueError:", e)
