# Checks: if/elif/else, while/else and for/else with break and continue, nested loops, pass.
def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n < 10:
        return "small"
    else:
        return "large"

print([classify(v) for v in [-3, 0, 5, 50]])
for n in range(2, 20):
    for d in range(2, n):
        if n % d == 0:
            break
    else:
        print(n, "is prime")
i = 0
while i < 10:
    i += 1
    if i % 2:
        continue
    if i > 6:
        break
    print("even", i)
else:
    print("while finished without break")
j = 0
while j < 3:
    j += 1
else:
    print("while else ran", j)
for x in []:
    pass
else:
    print("for else on empty")
total = 0
for a in range(4):
    for b in range(4):
        if b > a:
            break
        total += a * b
print(total)
print("yes" if total > 10 else "no", 1 if 0 else 2)
