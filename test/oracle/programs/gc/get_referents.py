# Checks: gc.get_referents of program containers: what each references (types and counts).
import gc

gc.disable()

class Pt:
    def __init__(self):
        self.x = [1]
        self.y = {"k": 2}

item = [10 ** 20]
lst = [item, item, "s", 5]
print(len(gc.get_referents(lst)), [type(o).__name__ for o in gc.get_referents(lst)])
tup = (lst, item)
print([type(o).__name__ for o in gc.get_referents(tup)])
d = {"a": lst, "b": item}
print(sorted(type(o).__name__ for o in gc.get_referents(d)))
p = Pt()
refs = gc.get_referents(p)
print(sorted(type(o).__name__ for o in refs))
print(len(gc.get_referents(lst, tup)))
print(gc.get_referents(5), gc.get_referents("str"))
