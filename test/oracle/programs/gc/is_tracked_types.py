# Checks: gc.is_tracked for atoms and containers of each type.
import gc

class C:
    pass

def f():
    pass

samples = [("int", 1), ("big int", 10 ** 30), ("float", 1.5), ("str", "s"), ("None", None),
           ("bool", True), ("list", []), ("list of ints", [1, 2]), ("set", set()), ("set of ints", {1}),
           ("instance", C()), ("class", C), ("function", f), ("range", range(3)),
           ("empty tuple", ()), ("empty dict", {}), ("bound method", C().__init__),
           ("generator", (x for x in []))]
for name, obj in samples:
    print(name, gc.is_tracked(obj))
