# Checks: and/or return operands (short-circuit), not, chained comparisons, truthiness.
def loud(v):
    print("eval", v)
    return v

print(0 or 5, 3 or 5, 0 and 5, 3 and 5, None or [] or "last", "" and 1)
print(loud(0) and loud(1))
print(loud(2) or loud(3))
print(not 0, not [1], not None, not "")
x = 5
print(1 < x < 10, 1 < x > 4, x == 5 == 5.0, 1 < 2 < 0)
print(loud(1) < loud(2) < loud(0) < loud(5))
print([] == [], [] is [], 1 == True, 2 == True, "a" != "b")
print(True + 1, False * 10, sum([True, True, False]))
values = [0, 1, "", "x", [], [0], {}, None, 0.0, -1]
print([bool(v) for v in values])
print(any(values), all(values), any([]), all([]))
