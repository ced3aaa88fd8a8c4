# Checks: an exception raised inside a generator propagates to the consumer and ends the program.
def parse_all(texts):
    for t in texts:
        yield int(t)

total = 0
for v in parse_all(["1", "2", "three", "4"]):
    total += v
    print("running total", total)
print("unreachable", total)
