# Checks: arbitrary-size int arithmetic: powers, products, pow with modulus, negative exponents.
print(2 ** 100)
print(3 ** 50, -(3 ** 51))
print(pow(2, 200), pow(7, 222, 1000000007), pow(3, -1, 7))
print(2 ** -2, (-2) ** 3, (-2) ** -1)
f = 1
for i in range(1, 31):
    f *= i
print(f)
print(f * f - f, f // 7 ** 10, f % 10 ** 9)
a = 10 ** 30 + 7
b = 10 ** 15 + 3
print(a * b, a - b * b, a + (-a), -a)
print(len(str(2 ** 1000)), str(2 ** 1000)[:20])
print(99999999999999999999 + 1, 18446744073709551615 + 1)
print(abs(-(10 ** 25)), 0 ** 0, 1 ** 1000)
