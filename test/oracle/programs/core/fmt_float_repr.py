# Checks: repr/str of floats: shortest round-trip repr, exponent switch at 1e16, tiny values,
# negative zero, inf/nan, int/float mixing.
values = [0.1 + 0.2, 1e16, 1e15, 123456789012345678.0, 1e-4, 1e-5, 0.00001234, 1 / 3, 2 / 3,
          2.0, -0.0, 1e22, 1e300 * 10, 1.5e-300, 100.0, 3.14159, 1e100, 0.1 * 3, 9007199254740993.0]
for v in values:
    print(repr(v), str(v))
print(float("inf"), float("-inf"), float("nan"))
print(7 / 2, 7 // 2, 7.0 // 2, -7 / 2, 2 ** -1, 10 / 5)
print(1.0 == 1, 0.1 + 0.2 == 0.3, 1e16 + 1 == 1e16)
print(float(10 ** 20), int(1e20), float("1_000.5"))
print([0.5, 1.25], (0.1,), {1.5: 2.5})
print(3 * 1.1, 1.1 + 2.2, 100 * 1.1)
