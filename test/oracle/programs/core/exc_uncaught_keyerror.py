# Checks: an uncaught KeyError (repr of the key in the last stderr line) after a handled one.
table = {"a": 1}
try:
    table["b"]
except KeyError as e:
    print("handled", e)
print(table["a"])
for key in ["a", "a"]:
    table[key] += 1
print(table)
table["missing key"]
print("not reached")
