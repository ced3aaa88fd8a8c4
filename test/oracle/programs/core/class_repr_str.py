# Checks: __repr__ and __str__: print, str(), repr(), f-strings, containers (which use repr).
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return "Point(" + repr(self.x) + ", " + repr(self.y) + ")"

class Named:
    def __init__(self, name):
        self.name = name

    def __str__(self):
        return "Named " + self.name

class Both(Point):
    def __str__(self):
        return "(" + str(self.x) + "," + str(self.y) + ")"

p = Point(1, "a")
print(p, str(p), repr(p), [p], f"{p}", f"{p!r}")
n = Named("n")
print(n)
print(repr(n).startswith("<__main__.Named object at 0x"))
b = Both(2, 3)
print(b, repr(b), [b], (b,), {"k": b}, f"{b}|{b!r}")
print("%s %r" % (b, b), str([b]))
