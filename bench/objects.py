# Object-heavy: instances, lists and dicts created and dropped, plus a reference cycle per node.
class Node:
    def __init__(self, value):
        self.value = value
        self.children = []
        self.parent = None

roots = []
for i in range(3000):
    n = Node(i)
    for k in range(5):
        c = Node(k)
        c.parent = n
        n.children.append(c)
    roots.append({"id": i, "node": n})
print(len(roots), sum(len(r["node"].children) for r in roots))
