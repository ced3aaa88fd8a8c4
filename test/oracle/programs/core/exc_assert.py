# Checks: assert with and without a message, caught, and the AssertionError args.
def check(v):
    assert v > 0, "value must be positive"
    return v

print(check(3))
try:
    check(-1)
except AssertionError as e:
    print("caught:", e, e.args)
try:
    assert 1 == 2
except AssertionError as e:
    print("no message:", repr(e), e.args)
x = [1, 2]
assert len(x) == 2
print("passed")
assert x == [], x
