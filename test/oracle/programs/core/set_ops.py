# Checks: set operations on ints: union, intersection, difference, symmetric difference, subsets,
# add/discard/remove/pop, printed in sorted order.
a = {1, 2, 3, 4}
b = {3, 4, 5}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(a ^ b))
print(sorted(a.union([9])), sorted(a.intersection(range(3))), sorted(a.difference(b)))
print({1, 2} <= a, {1, 2} < {1, 2}, a >= {4}, a.isdisjoint({7, 8}))
a.add(10)
a.discard(1)
a.discard(42)
print(sorted(a), len(a), 10 in a)
try:
    a.remove(42)
except KeyError as e:
    print("KeyError:", e)
s = set()
for v in [5, 3, 5, 1, 3]:
    s.add(v)
print(sorted(s), len(s))
c = set(range(5))
c -= {0, 1}
c |= {7}
c &= {2, 3, 7, 8}
print(sorted(c))
print({1, 2} == {2, 1}, set() == set(), {0} == {False}, len({1, 1.0, True}))
