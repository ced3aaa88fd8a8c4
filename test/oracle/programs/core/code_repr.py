# Checks: repr of code objects (name and first line; the address and the absolute file path are cut)
# for functions, lambdas, decorated functions, methods and nested functions; code object identity.
def plain(a):
    return a


def deco(f):
    return f


@deco
def decorated():
    pass


class K:
    def method(self):
        return 1


def outer():
    def inner():
        pass
    return inner


lam = lambda: 0


def show(c):
    r = repr(c)
    i = r.index(" at 0x")
    print(r[:i] + r[r.index(", line", i):], r.count('file "'))


for f in (plain, decorated, K.method, outer(), lam):
    show(f.__code__)
print(plain.__code__ is plain.__code__, outer().__code__ is outer().__code__)
