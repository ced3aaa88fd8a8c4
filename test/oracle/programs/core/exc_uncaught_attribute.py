# Checks: an uncaught AttributeError on the program's own instance inside a method call chain.
class Basket:
    def __init__(self):
        self.items = []

    def add(self, item):
        self.items.append(item)
        return self

b = Basket().add("apple").add("pear")
print(b.items)
b.itemz.append("plum")
