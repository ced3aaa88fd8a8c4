# Checks: an uncaught NameError for a misspelled name (the last stderr line, with any suggestion).
counter = 0
for step in range(3):
    counter += step
print(counter)


def show():
    print("inside show")


show()
print(countr)
