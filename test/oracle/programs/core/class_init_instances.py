# Checks: __init__ arguments and defaults, instance __dict__ contents, methods calling methods.
class Rect:
    sides = 4

    def __init__(self, w, h=1, *, label="rect"):
        self.w = w
        self.h = h
        self.label = label

    def area(self):
        return self.w * self.h

    def scaled(self, k):
        return Rect(self.w * k, self.h * k, label=self.label + "*")

r = Rect(3)
s = Rect(2, 5, label="big")
print(r.area(), s.area(), r.scaled(2).area(), r.scaled(3).label)
print(r.__dict__, s.__dict__)
print(Rect.area(s), r.sides)
try:
    Rect()
except TypeError as e:
    print("TypeError:", e)
try:
    Rect(1, 2, 3)
except TypeError as e:
    print("TypeError:", e)
print(type(r).__name__, r.__class__ is Rect)
