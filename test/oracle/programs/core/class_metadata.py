# Checks: what a class statement puts in the class namespace per version: __module__, __qualname__
# (kept out of __dict__), __doc__ (the docstring or None), and 3.13's __firstlineno__ (a decorated
# class: its decorator's line) and __static_attributes__ (names assigned as self.<name> in methods).
def keep(cls):
    return cls


class A:
    def __init__(this, v):
        this.a = v
        self = this
        self.b = 1

    def other(self):
        self.c = 2

        def inner():
            self.d = 3
        self.z, self.y = 1, 2
        self.c += 1

    @staticmethod
    def s(self):
        self.f = 1

    class Nested:
        def m(self):
            self.g = 1
    h = 1


@keep
class B:
    "B's doc."


print(getattr(A, "__static_attributes__", None), getattr(A.Nested, "__static_attributes__", None))
print(getattr(A, "__firstlineno__", None), getattr(B, "__firstlineno__", None))
print(list(A.__dict__)[:5], "__qualname__" in A.__dict__, A.__qualname__, A.Nested.__qualname__)
print(A.__doc__, B.__doc__, list(B.__dict__)[:2])
