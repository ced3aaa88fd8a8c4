# Checks: unbounded recursion that nobody catches: output before it, exit code 1 and the last
# stderr line (RecursionError message of each version).
def countdown(n):
    if n == 0:
        return "done"
    return countdown(n - 1)


print(countdown(100))


def forever(n):
    return forever(n + 1) + 1


print("about to recurse forever")
forever(0)
print("not reached")
