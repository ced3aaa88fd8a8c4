# Checks: shifts and bitwise operators on small, big and negative ints.
print(1 << 10, 1 << 64, 1 << 100, (1 << 100) >> 99)
print(-1 << 3, -16 >> 2, -1 >> 100, -17 >> 1)
print(12 & 10, 12 | 10, 12 ^ 10, ~12, ~-1, ~0)
big = (1 << 70) + 12345
print(big & 0xFFFF, big | 1, big ^ big, big >> 64, ~big)
print(-big & 0xFF, -big | 0xF, -big ^ 7)
print((2 ** 100 - 1) & (2 ** 50 + 1), -(2 ** 80) >> 79)
x = 0
for i in range(0, 40, 3):
    x |= 1 << i
print(x, f"{x:b}")
print(True + True, True << 2, True & False, 5 & True)
