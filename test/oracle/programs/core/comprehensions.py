# Checks: list/dict/set comprehensions: nesting, conditions, scoping of the loop variable.
matrix = [[i * 3 + j for j in range(3)] for i in range(3)]
print(matrix)
print([row[i] for i, row in enumerate(matrix)])
print([x for row in matrix for x in row if x % 2])
print({k: k * k for k in range(5) if k != 2})
print(sorted({v % 4 for v in range(20)}), {n for n in range(5)})
print({w: len(w) for w in ["aa", "b", "aa"]})
transposed = [[row[i] for row in matrix] for i in range(3)]
print(transposed)
x = "outer"
result = [x for x in range(3)]
print(x, result)
print([(a, b) for a in range(3) for b in range(a)])
print([y * 2 if y > 1 else -y for y in range(4)])
words = ["apple", "bob", "kayak", "level", "python"]
print([w for w in words if w == w[::-1]])
print({c: words.count(c) for c in ["bob", "zed"]})
