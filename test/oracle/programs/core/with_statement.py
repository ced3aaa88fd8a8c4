# Checks: with-statement on a user context manager: __enter__ value, __exit__ arguments and order.
class Resource:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()

    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type.__name__ if exc_type else None, exc)
        return False

with Resource("a") as value:
    print("body", value)
print("after")
with Resource("outer") as o, Resource("inner") as i:
    print("both", o, i)
try:
    with Resource("failing"):
        print("about to fail")
        raise KeyError("k")
    print("not reached")
except KeyError as e:
    print("caught outside", repr(e))

def returns_inside():
    with Resource("fn"):
        return "returned"

print(returns_inside())
