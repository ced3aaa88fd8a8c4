# Checks: sys.getsizeof of str: empty, ASCII, Latin-1, BMP and astral characters, and lengths.
import sys

samples = ["", "a", "ab", "hello world", "x" * 100,
           "\xe9", "caf\xe9", "\xff" * 10,
           "\u20ac", "\u4e2d\u6587", "\u20ac" * 10,
           "\U0001F600", "a\U0001F600", "\U0001F600" * 10]
for s in samples:
    print(len(s), sys.getsizeof(s))
built = ""
for i in range(5):
    built += "z"
    print(len(built), sys.getsizeof(built))
print(sys.getsizeof("a" + "\u20ac"), sys.getsizeof("a" + "\U0001F600"))
print(sys.getsizeof(str(12345)), sys.getsizeof(repr(1.5)))
