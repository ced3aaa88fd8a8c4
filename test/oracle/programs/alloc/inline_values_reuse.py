# Checks: id() reuse between instances created one after another: on 3.13 each new instance of a
# plain class is allocated 8 bytes smaller than the previous one (inline values sized from the
# class's shared keys) until it settles, so a freed instance's block is reused only within a size class.
class P:
    pass


class Q:
    def __init__(self):
        self.a = 1
        self.b = 2


class S:
    __slots__ = ('x',)


class E(Exception):
    pass


def pairs(cls, n):
    out = ''
    for i in range(n):
        out += 'T' if id(cls()) == id(cls()) else 'F'
    return out


print(pairs(P, 20))
print(pairs(Q, 20))
print(pairs(S, 5))
print(pairs(E, 5))
keep = [P() for i in range(3)]
old = id(keep[1])
del keep[1]
print(id(P()) == old)
