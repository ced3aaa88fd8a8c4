# Checks: sys.version_info fields per profile, getrecursionlimit, sys.intern identity.
import sys

print(sys.version_info[:2], sys.version_info.major, sys.version_info[0] == 3)
print(sys.version_info >= (3, 11), sys.version_info < (3, 13))
print(sys.getrecursionlimit())
a = sys.intern("".join(["dyn", "amic key"]))
b = sys.intern("dynamic" + " " + "".join(["key"]))
print(a is b, a == b)
c = "".join(["dyn", "amic key"])
print(c is a, sys.intern(c) is a)
