# Checks: zip (shortest), enumerate with start, reversed on lists/ranges/strings, sum with start.
a = [1, 2, 3]
b = "xyz"
print(list(zip(a, b)), list(zip(a, [10, 20])), list(zip()))
print(list(enumerate(b)), list(enumerate(b, start=5)))
print(list(reversed(a)), list(reversed(range(4))), "".join(reversed(b)))
print(sum(a), sum(a, 10), sum([[1], [2]], []), sum(x * x for x in a))
print(dict(zip(b, a)))
for i, (x, y) in enumerate(zip(a, b)):
    print(i, x, y)
print(list(zip(*[(1, "a"), (2, "b")])))
print(abs(-7), abs(7), abs(-0.5), abs(True))
