# Checks: `is` for strings and tuples built in different ways (same constant, joined, sliced,
# single characters, the empty string and empty tuple).
import sys

s = "hello"
t = "hello"
h = "h"
empty = ""
ab = "ab"
print(s is t)
u = "".join(["he", "llo"])
print(u is s, u == s)
print(s[0] is h)
print(empty is str(), s[5:] is empty)
print(s[:] is s, s[0:5] is s)
w = ab * 1
print(w is ab)
print(str(s) is s)
tup = (1, 2, 3)
print(tup[:] is tup, tuple(tup) is tup)
e0 = ()
print(tup[0:0] is e0)
i1 = sys.intern("".join(["re", "peat"]))
i2 = sys.intern("re" + "".join(["pe", "at"]))
print(i1 is i2)
