# Checks: floor division and modulo with every sign combination, big ints and floats; divmod.
pairs = [(7, 2), (-7, 2), (7, -2), (-7, -2), (6, 3), (-6, 3), (0, 5), (1, -10)]
for a, b in pairs:
    print(a, b, a // b, a % b, divmod(a, b), a / b)
big = 10 ** 25 + 3
print(big // 7, big % 7, -big // 7, -big % 7)
print(big // -(10 ** 12), big % -(10 ** 12))
print(7.5 // 2, -7.5 // 2, 7.5 % 2, -7.5 % 2, divmod(-7.5, 2))
print(5 % 3.0, -5 % 3.0, 2 ** 64 // 2 ** 32)
for n in range(-3, 4):
    print(n, n // 2, n % 2, -n // 3, n % -3)
