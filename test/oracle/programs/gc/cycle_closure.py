# Checks: cycles made by closures: a recursive inner function (function <-> cell), a function
# stored on an object it closes over.
import gc

gc.disable()
gc.collect()

def make_recursive():
    def fact(n):
        return 1 if n <= 1 else n * fact(n - 1)
    return fact

f = make_recursive()
print(f(5))
del f
print("recursive closure:", gc.collect())

class Widget:
    pass

def attach(w):
    def handler():
        return w
    w.handler = handler

w = Widget()
attach(w)
del w
print("object -> closure -> cell -> object:", gc.collect())

def pair():
    state = {}
    def get():
        return state
    state["getter"] = get
    return get

g = pair()
g = None
print("closure -> cell -> dict -> closure:", gc.collect())
