# Checks: refcounts of large int and float constants of a script vs the same values computed at run time.
import sys

big = 12345
print("constant:", sys.getrefcount(big))
also = 12345
print("same constant twice:", sys.getrefcount(big), big is also)
computed = int("12345")
print("computed:", sys.getrefcount(computed), computed is big, computed == big)
made = 12340 + 5
print("folded:", made is big)
n = 10
grown = n * 1000
print("multiplied:", sys.getrefcount(grown))
huge = 2 ** 100
print("huge:", sys.getrefcount(huge))
f = 2.5
print("float const:", sys.getrefcount(f))
g = f * 1.0
print("float computed:", sys.getrefcount(g), g is f)

def uses_const():
    return 12345

print(uses_const() is big)
