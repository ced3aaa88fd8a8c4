# Checks: chained generators, yield from, generators holding state, infinite generators cut short.
def numbers():
    n = 0
    while True:
        yield n
        n += 1

def take(gen, k):
    for _ in range(k):
        yield next(gen)

def evens(gen):
    for v in gen:
        if v % 2 == 0:
            yield v

print(list(take(evens(numbers()), 5)))

def flatten(items):
    for item in items:
        if isinstance(item, list):
            yield from flatten(item)
        else:
            yield item

print(list(flatten([1, [2, [3, 4]], 5, [[6]]])))

def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b

f = fib()
print([next(f) for _ in range(15)])

def pairs(seq):
    it = iter(seq)
    for first in it:
        yield first, next(it, None)

print(list(pairs("abcde")))
