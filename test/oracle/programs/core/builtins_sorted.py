# Checks: sorted() with key and reverse, stability, sorting tuples and strings, list.sort().
data = [5, 3, 8, 1, 9, 2]
print(sorted(data), sorted(data, reverse=True), data)
words = ["banana", "Apple", "cherry", "date", "Elder"]
print(sorted(words), sorted(words, key=len), sorted(words, key=str.lower))
pairs = [(2, "b"), (1, "z"), (2, "a"), (1, "y")]
print(sorted(pairs), sorted(pairs, key=lambda p: p[0]), sorted(pairs, key=lambda p: p[1], reverse=True))
records = [("ann", 30), ("bob", 25), ("cid", 30), ("dee", 25)]
print(sorted(records, key=lambda r: r[1]))
print(sorted(records, key=lambda r: r[1], reverse=True))
data.sort(key=lambda v: -v)
print(data)
print(sorted("hello"), sorted({3: "c", 1: "a"}), sorted((3.5, 1, 2)))
try:
    sorted([1, "a"])
except TypeError as e:
    print("TypeError:", e)
