# Checks: slicing lists, strings and tuples with negative indices, steps and out-of-range bounds.
lst = list(range(10))
print(lst[2:5], lst[:3], lst[7:], lst[-3:], lst[:-7], lst[-5:-2])
print(lst[::2], lst[1::3], lst[::-1], lst[8:2:-2], lst[-1:-4:-1])
print(lst[5:2], lst[100:], lst[-100:2], lst[3:3])
s = "abcdefgh"
print(s[1:4], s[::-1], s[::3], s[-3:], s[10:], s[:-1])
t = (1, 2, 3, 4, 5)
print(t[1:3], t[::-2], t[:0])
print(lst[-1], s[-2], t[-5])
try:
    lst[10]
except IndexError as e:
    print("IndexError:", e)
try:
    t[-6]
except IndexError as e:
    print("IndexError:", e)
print(lst[1:8][::2][1:])
