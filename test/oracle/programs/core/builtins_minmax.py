# Checks: min/max with several arguments, iterables, key=, default=, ties, and errors.
print(min(3, 1, 2), max(3, 1, 2), min([4, 5]), max("hello"))
words = ["aa", "b", "cccc", "dd"]
print(min(words, key=len), max(words, key=len), max(words))
print(min([], default="empty"), max([], default=None))
print(max([(1, "b"), (1, "c"), (0, "z")]), min([2, 2.0]), max([2, 2.0]))
print(max([-3, 2, -5], key=abs), min([-3, 2, -5], key=abs))
print(max(range(10), key=lambda v: v % 4))
try:
    min([])
except ValueError as e:
    print("ValueError:", e)
try:
    max(1)
except TypeError as e:
    print("TypeError:", e)
