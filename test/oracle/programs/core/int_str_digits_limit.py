# Checks: converting huge ints to and from decimal strings: the 4300-digit limit and its message,
# while arithmetic on such ints and hex formatting still work.
big = 10 ** 4299
print(len(str(big)))
bigger = big * 10
try:
    s = str(bigger)
    print("converted", len(s))
except ValueError as e:
    print("ValueError:", e)
try:
    int("9" * 5000)
except ValueError as e:
    print("ValueError:", e)
print(bigger % 1000007, bigger.bit_length())
print(len(f"{bigger:x}"))
try:
    print(f"{bigger:d}"[:5])
except ValueError as e:
    print("ValueError:", e)
n = 2 ** 20000
print(n % 999983, n // (2 ** 19990))
