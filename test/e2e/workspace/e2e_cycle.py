# End-to-end fixture: two nodes that point at each other, unreachable once their names are deleted.
class Node:
    def __init__(self, name):
        self.name = name
        self.other = None


a = Node("a")
b = Node("b")
a.other = b
b.other = a
del a, b
