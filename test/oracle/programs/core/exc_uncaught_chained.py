# Checks: an uncaught exception raised while handling another (the last line names the second one).
def parse(text):
    try:
        return int(text)
    except ValueError as e:
        raise RuntimeError("bad input " + repr(text)) from e


results = []
for text in ["12", "7"]:
    results.append(parse(text))
print(results)
print(parse("x1"))
