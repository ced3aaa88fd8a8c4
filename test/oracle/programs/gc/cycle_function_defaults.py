# Checks: cycles through a function's own attributes and defaults: a function stored in a list
# that is its default argument, and a function attribute pointing back to the function.
import gc
import weakref

gc.disable()
gc.collect()


def make():
    registry = []

    def handler(reg=registry):
        return len(reg)

    registry.append(handler)
    return handler


h = make()
r = weakref.ref(h)
print(h())
del h
print("alive after del:", r() is not None)
print("collected:", gc.collect())
print("alive after collect:", r() is not None)


def task():
    return 1


task.me = task
r2 = weakref.ref(task)
del task
print("collected:", gc.collect(), r2() is None)
