# Checks: lambdas capturing names by closure and by default argument; refcounts of captured objects.
import sys

target = [3, 1, 2]
by_default = lambda t=target: len(t)
print(sys.getrefcount(target), by_default())

def make():
    inner_obj = [0]
    return lambda: inner_obj, inner_obj

fn, captured = make()
print(sys.getrefcount(captured), fn() is captured)
key = lambda v: -v
print(sorted(target, key=key))
print(sys.getrefcount(target))
adders = [lambda x, n=n: x + n for n in range(3)]
print([a(10) for a in adders])
late = [lambda x: x + n for n in range(3)]
print([a(10) for a in late])
del by_default
print(sys.getrefcount(target))
