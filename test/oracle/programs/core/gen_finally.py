# Checks: try/finally inside generators: finally runs on exhaustion and when an unfinished
# generator is dropped (closed by its deallocation).
class N:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)

def guarded(tag):
    res = N(tag)
    try:
        yield 1
        yield 2
    finally:
        print("finally", tag)

for v in guarded("full"):
    print("value", v)
print("loop done")
g = guarded("partial")
print(next(g))
print("dropping")
g = None
print("dropped")
g2 = guarded("never started")
del g2
print("end")
