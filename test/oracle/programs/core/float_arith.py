# Checks: float arithmetic and comparisons, mixing with ints, abs, sum of floats.
print(0.1 + 0.7, 1.1 * 3, 1 - 0.9, 2.5 * 4, 10 / 4, 1e308 * 10)
print(abs(-2.5), -abs(3.0), 3 > 2.5, 2.0 == 2, 1 / 3 + 1 / 3 + 1 / 3)
print(sum([0.1] * 10), sum([0.5, 0.25, 0.125]))
x = 1.0
for i in range(5):
    x = x / 3
print(x)
print(2 ** 0.5, 4 ** 0.5, 9 ** -0.5, (-8) ** 2.0)
print(max(1, 2.0), min(1.0, 1), 7 % 2.5)
print(int(2.999999), float(2 ** 53) + 1.0, 0.1 * 0.1)
