# Checks: `is` between names, containers, copies, None and singletons of the program's own objects.
a = [1, 2]
b = a
c = [1, 2]
print(a is b, a is c, a == c, a is not c)
print(None is None, type(None) is type(None))
d = {}
print(d is d, {} is {})
t = (a, b)
print(t[0] is t[1])
lst = list(a)
print(lst is a, lst == a)
e = a[:]
print(e is a)
f = a * 1
print(f is a)
e0 = ()
e1 = tuple()
print(e0 is e1, tuple([]) is e0, (1, 2)[2:] is e0)
print(True is (1 == 1), False is (1 > 2))
x = a
x += [3]
print(x is a, a)

def ident(v):
    return v

print(ident(a) is a)
