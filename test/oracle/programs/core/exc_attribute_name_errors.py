# Checks: AttributeError and NameError messages for the program's own classes and names.
class Point:
    def __init__(self):
        self.x = 1

p = Point()
try:
    p.y
except AttributeError as e:
    print(type(e).__name__, e)
try:
    Point.missing
except AttributeError as e:
    print(type(e).__name__, e)
try:
    (1).foo
except AttributeError as e:
    print(e)
try:
    [].nope()
except AttributeError as e:
    print(e)
try:
    undefined_name
except NameError as e:
    print(type(e).__name__, e)

def f():
    return later_value

try:
    f()
except NameError as e:
    print(e)

def g():
    print(local_var)
    local_var = 1

try:
    g()
except UnboundLocalError as e:
    print(type(e).__name__, isinstance(e, NameError))
print(getattr(p, "y", "default"))
