# Checks: staticmethod and classmethod called on the class, on instances and on subclasses.
class Temperature:
    unit = "C"
    created = 0

    def __init__(self, degrees):
        self.degrees = degrees
        Temperature.created += 1

    @staticmethod
    def convert(c):
        return c * 9 / 5 + 32

    @classmethod
    def freezing(cls):
        return cls(0)

    @classmethod
    def describe(cls):
        return cls.__name__ + " in " + cls.unit

class Kelvin(Temperature):
    unit = "K"

print(Temperature.convert(100), Temperature(5).convert(0))
f = Temperature.freezing()
k = Kelvin.freezing()
print(type(f).__name__, type(k).__name__, f.degrees)
print(Temperature.describe(), Kelvin.describe(), k.describe())
print(Temperature.created)
sm = Temperature.convert
print(sm(-40))
