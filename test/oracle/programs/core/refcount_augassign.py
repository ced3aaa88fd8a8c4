# Checks: augmented assignment on mutable (in place, same object) vs immutable values (new object).
import sys

lst = [1]
alias = lst
lst += [2]
print(lst is alias, alias, sys.getrefcount(lst))
lst = lst + [3]
print(lst is alias, alias, lst, sys.getrefcount(alias))
t = (1,)
t2 = t
t += (2,)
print(t is t2, t, t2)
n = 1000
m = n
n += 1
print(n, m, n is m)
s = "ab"
s2 = s
s += "c"
print(s, s2, s is s2)
d = {"a": [0]}
d["a"] += [1]
print(d)
counter = {"n": 0}
for _ in range(5):
    counter["n"] += 2
print(counter)
