# Checks: global and nonlocal declarations, shadowing, closures seeing later rebinding.
counter = 0

def bump():
    global counter
    counter += 1
    return counter

bump()
bump()
print(counter)

def outer():
    x = "outer"
    def inner():
        nonlocal x
        x = "changed by inner"
    def reader():
        return x
    inner()
    print(x, reader())
    x = "rebound"
    return reader

r = outer()
print(r())
shadow = "global"

def local_shadow():
    shadow = "local"
    return shadow

print(local_shadow(), shadow)

def make_accumulator():
    total = 0
    def add(n):
        nonlocal total
        total += n
        return total
    return add

acc = make_accumulator()
print(acc(5), acc(10), acc(-3))

def creates_global():
    global created
    created = [1]

creates_global()
print(created)
