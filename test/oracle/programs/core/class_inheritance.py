# Checks: inheritance, method overriding, super() calls, MRO with multiple inheritance.
class Base:
    def __init__(self, name):
        self.name = name
        print("Base.__init__", name)

    def describe(self):
        return "Base(" + self.name + ")"

    def kind(self):
        return "base"

class Mid(Base):
    def __init__(self, name, level):
        super().__init__(name)
        self.level = level
        print("Mid.__init__", level)

    def describe(self):
        return "Mid<" + super().describe() + ">"

class Other(Base):
    def kind(self):
        return "other+" + super().kind()

class Leaf(Mid, Other):
    def describe(self):
        return "Leaf[" + super().describe() + "]"

x = Leaf("x", 2)
print(x.describe(), x.kind(), x.level)
print([c.__name__ for c in Leaf.__mro__])
print(isinstance(x, Other), Leaf.__bases__[1].__name__)
o = Other("o")
print(o.describe(), o.kind())
