# Checks: generator functions: lazy execution order, next(), for loops, exhaustion, return value.
def count_up(n):
    print("start")
    i = 0
    while i < n:
        print("yield", i)
        yield i
        i += 1
    print("finished")
    return "done"

g = count_up(3)
print("created")
print(next(g))
for v in g:
    print("got", v)
try:
    next(g)
except StopIteration as e:
    print("exhausted", e.value)

def with_return():
    yield 1
    return 99

g2 = with_return()
next(g2)
try:
    next(g2)
except StopIteration as e:
    print("return value", e.value)
print(list(count_up(2)))
