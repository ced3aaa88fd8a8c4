# Checks: id() reuse after a free follows pymalloc's LIFO free list per pool: the block freed last is
# handed out first, also to an object of another class with the same size.
class Point:
    __slots__ = ('x', 'y')
    def __init__(self, x, y):
        self.x = x
        self.y = y

class Pair:
    __slots__ = ('a', 'b')
    def __init__(self, a, b):
        self.a = a
        self.b = b

def main():
    p = Point(1, 2)
    old = id(p)
    del p
    q = Point(3, 4)
    print("same class reuses the block:", id(q) == old)
    a = Point(0, 0)
    b = Point(0, 0)
    c = Point(0, 0)
    ia, ib, ic = id(a), id(b), id(c)
    del a, c, b
    x = Pair(1, 1)
    y = Pair(2, 2)
    z = Pair(3, 3)
    print("last freed first:", id(x) == ib, id(y) == ic, id(z) == ia)
    print("all distinct:", len({id(x), id(y), id(z), id(q)}) == 4)
    keep = [Point(i, i) for i in range(5)]
    ids = [id(o) for o in keep]
    del keep[1]
    del keep[2]
    n1 = Pair(9, 9)
    n2 = Pair(8, 8)
    print("reused in LIFO order:", id(n1) == ids[3], id(n2) == ids[1])

main()
