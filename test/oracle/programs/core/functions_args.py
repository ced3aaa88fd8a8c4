# Checks: positional, keyword, default, keyword-only, *args and **kwargs binding, and errors.
def f(a, b=2, *args, c, d=4, **kw):
    return a, b, args, c, d, kw

print(f(1, c=3))
print(f(1, 5, 6, 7, c=3, e=9))
print(f(a=1, c=2, d=5, z=0))

def g(x, y):
    return x - y

print(g(y=1, x=10), g(*[5, 2]), g(**{"x": 3, "y": 4}))
for call in [lambda: g(1), lambda: g(1, 2, 3), lambda: g(1, x=1), lambda: g(1, z=2), lambda: f(1)]:
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)

def h(*, only):
    return only

print(h(only="kw"))

def defaults_eval(n=[]):
    n.append(len(n))
    return n

print(defaults_eval(), defaults_eval(), defaults_eval([9]))
print(f.__name__, f.__defaults__, f.__kwdefaults__)
