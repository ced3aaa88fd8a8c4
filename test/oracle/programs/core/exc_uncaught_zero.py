# Checks: an uncaught ZeroDivisionError: output printed before it, exit code 1, last stderr line.
def ratio(a, b):
    return a / b


print("start")
print(ratio(6, 3))
for d in [2, 1]:
    print(ratio(10, d))
print(ratio(1, 0))
print("never printed")
