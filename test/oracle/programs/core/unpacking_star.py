# Checks: unpacking with star on the left, nested targets, swaps, starred calls and displays, errors.
a, *rest = [1, 2, 3, 4]
print(a, rest)
*init, last = "abcd"
print(init, last)
first, *middle, end = range(6)
print(first, middle, end)
x, *empty, y = (1, 2)
print(x, empty, y)
(p, q), [r, s] = (1, 2), "xy"
print(p, q, r, s)
for idx, (k, v) in enumerate({"a": 1, "b": 2}.items()):
    print(idx, k, v)
m, n = n, m = 1, 2
print(m, n)
print([*range(3), *"ab"], (*[1], 2), {**{"a": 1}, "b": 2, **{"a": 3}})
print({*[1, 2], 3} == {1, 2, 3})
def f(*args, **kw):
    return args, kw
print(f(*[1, 2], *(3,), **{"x": 1}, y=2))
try:
    a, b = [1, 2, 3]
except ValueError as e:
    print("ValueError:", e)
try:
    a, b, c = [1, 2]
except ValueError as e:
    print("ValueError:", e)
try:
    a, *b, c = [1]
except ValueError as e:
    print("ValueError:", e)
