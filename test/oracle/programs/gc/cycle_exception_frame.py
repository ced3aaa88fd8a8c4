# Checks: keeping a caught exception in a local of the frame that handled it creates a cycle
# (frame -> exception -> traceback -> frame); the locals die only at gc.collect().
import gc

gc.disable()
gc.collect()

class Local:
    def __del__(self):
        print("local freed")

def handler():
    obj = Local()
    try:
        raise ValueError("x")
    except ValueError as e:
        saved = e
    return "returned"

print(handler())
print("after return, before collect")
n = gc.collect()
print("collected something:", n > 0)

def no_cycle():
    obj = Local()
    try:
        raise ValueError("y")
    except ValueError:
        pass
    return "returned"

print(no_cycle())
print("collect:", gc.collect())
