# Checks: iter()/next() over lists, strings, dicts, ranges; next with a default; StopIteration.
it = iter([1, 2])
print(next(it), next(it), next(it, "done"))
try:
    next(it)
except StopIteration as e:
    print("StopIteration", e.args)
s = iter("ab")
print(next(s), next(s), next(s, None))
d = iter({"x": 1, "y": 2})
print(next(d), next(d))
r = iter(range(10, 13))
print(list(r), list(r))
it2 = iter([5, 6, 7])
print(next(it2), list(it2))
print(iter(it2) is it2)
try:
    iter(5)
except TypeError as e:
    print("TypeError:", e)
