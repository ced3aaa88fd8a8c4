# Checks: building strings: concatenation in loops, join, repetition, comparisons, len of results.
parts = []
for i in range(5):
    parts.append(str(i) * i)
print(parts, "|".join(parts), len("".join(parts)))
s = ""
for word in ["alpha", "beta", "gamma"]:
    s += word[0].upper() + word[1:] + " "
print(repr(s.strip()))
print("=" * 10, "ab" * 0, -1 * "x")
print(sorted(["b", "B", "a", "_", "1"]), "abc" < "abcd", "Z" < "a")
text = "the quick brown fox jumps over the lazy dog"
words = text.split()
print(len(words), max(words, key=len), sorted(set(words))[:3])
print(" ".join(w.capitalize() for w in words))
print(text.count("the"), text.replace("the ", ""), text.find("fox"))
