# Checks: a syntax error: nothing runs (not even the prints above it), exit code 1, and the last
# stderr line is CPython's SyntaxError message for an unclosed bracket.
print("this line is never reached")


def total(values):
    result = 0
    for v in values:
        result += v
    return result


values = [1, 2, 3
print(total(values))
