# Checks: int()/str()/float() conversions: bases, signs, underscores, truncation toward zero.
print(int("123"), int("-0042"), int(" 7 "), int("1_000_000"))
print(int("ff", 16), int("0x1F", 16), int("777", 8), int("101", 2), int("z", 36))
print(int(3.9), int(-3.9), int(True), int(1e18))
print(str(10 ** 20), str(-5), repr(12))
print(float("3.5"), float(7), float("-1e3"), float(" 2 "))
print(int(2 ** 70 / 3), 2 ** 70 // 3)
print(bool(0), bool(3), bool(""), bool("a"), bool([]), bool([0]), bool(None), bool(0.0))
print(str(True), int("-0"), str(0.0))
for bad in ["1.5", "", "0x10", "12a"]:
    try:
        int(bad)
    except ValueError as e:
        print("ValueError:", e)
