# Checks: dict methods and insertion order: get, setdefault, pop, popitem, update, views, del.
d = {"b": 2, "a": 1}
d["c"] = 3
print(d, list(d), list(d.keys()), list(d.values()), list(d.items()))
print(d.get("a"), d.get("z"), d.get("z", 0), "a" in d, 2 in d)
print(d.setdefault("a", 100), d.setdefault("e", 5), d)
print(d.pop("b"), d.pop("missing", "dflt"), d)
print(d.popitem(), d)
d.update({"x": 1}, y=2)
d.update([("a", 11)])
print(d)
del d["x"]
d["b"] = 0
print(d, len(d))
keys = d.keys()
d["new"] = 1
print(list(keys), len(keys))
counts = {}
for ch in "mississippi":
    counts[ch] = counts.get(ch, 0) + 1
print(counts)
print({1: "a", True: "b", 1.0: "c"})
print(d == dict(d), {1: 2} == {1: 2.0}, d.copy() is d)
print(sorted(d.items(), key=lambda kv: kv[1]))
