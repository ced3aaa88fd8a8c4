# Checks: freeing a tree of objects by dropping its root: the cascade order of __del__ calls.
class Node:
    def __init__(self, name, children=()):
        self.name = name
        self.children = list(children)

    def __del__(self):
        print("del", self.name)

tree = Node("root", [Node("a", [Node("a1"), Node("a2")]), Node("b", [Node("b1")])])
keep = tree.children[1]
print("drop root")
tree = None
print("drop kept subtree")
keep = None
chain = None
for i in range(4):
    chain = Node("link" + str(i), [chain] if chain else [])
print("drop chain")
chain = None
print("end")
