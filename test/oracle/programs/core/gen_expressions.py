# Checks: generator expressions: laziness, consumption by sum/list/max, single-use, nesting.
squares = (x * x for x in range(6))
print(type(squares).__name__)
print(next(squares), next(squares))
print(list(squares), list(squares))
print(sum(x for x in range(101)), max(len(w) for w in ["a", "bbb", "cc"]))
nested = ((i, j) for i in range(3) for j in range(i))
print(list(nested))
evens = (n for n in range(20) if n % 2 == 0 if n % 3 != 0)
print(list(evens))
log = []
def noisy(v):
    log.append(v)
    return v
gen = (noisy(v) for v in [1, 2, 3])
print(log)
first = next(gen)
print(first, log)
print(sorted(v % 3 for v in range(7)), tuple(c.upper() for c in "ab"))
