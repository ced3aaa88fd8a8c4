# Checks: repr/str of nested containers, strings inside containers, recursive lists and dicts,
# empty containers, sets of small ints.
print([1, [2, [3, [4]]]], (1,), (), [()], {"a": [1, (2, 3)], "b": {}})
print(["it's", 'say "hi"', "both ' and \""], ("tab\t", "nl\n"))
a = [1, 2]
a.append(a)
print(a)
d = {"self": None}
d["self"] = d
print(d)
b = [a, a]
print(b)
print(set(), {3, 1, 2}, {10, 5}, (1, 2))
print(str([1.0, None, True]), repr("x"), str("x"))
print([[]] * 3, [[] for _ in range(2)])
print({1: "one", 2: ["two", 2.0]})
print(list(range(3)), range(3), range(1, 10, 2))
