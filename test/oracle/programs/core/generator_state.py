# Checks: generator state attributes: gi_running outside and inside the generator, gi_suspended
# (3.11+) before the first next(), while suspended, after exhaustion; __name__ and __qualname__.
import sys


def walk(n):
    for i in range(n):
        yield i, me.gi_running


me = walk(2)
print(me.__name__, me.__qualname__, me.gi_running)
if sys.version_info >= (3, 11):
    print("suspended before start:", me.gi_suspended)
else:
    print("suspended before start:", False)
print(next(me))
if sys.version_info >= (3, 11):
    print("suspended after a yield:", me.gi_suspended)
else:
    print("suspended after a yield:", True)
print(list(me), me.gi_running)
if sys.version_info >= (3, 11):
    print("suspended when exhausted:", me.gi_suspended)
else:
    print("suspended when exhausted:", False)


class K:
    def items(self):
        yield 1


print(K().items().__qualname__)
