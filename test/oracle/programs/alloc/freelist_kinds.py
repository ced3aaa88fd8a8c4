# Checks: per-type free lists sit in front of pymalloc: a freed float's memory waits for the next
# float (not an int of the same size), a freed list's for the next list whatever its length, a freed
# tuple's for the next tuple of the same length. (Results are printed at the end.)
class Pair:
    __slots__ = ('a', 'b')
    def __init__(self):
        self.a = self.b = None

def main():
    k = 3
    f = k * 0.5
    fid = id(f)
    del f
    n = 2 ** 40 + k
    r1 = id(n) == fid
    g = k * 0.25
    r2 = id(g) == fid
    short = [k]
    lid = id(short)
    del short
    p = Pair()
    r3 = id(p) == lid
    longer = [k, k, k, k, k, k, k, k]
    r4 = id(longer) == lid
    t = (k, k + 1, k + 2)
    tid = id(t)
    del t
    p2 = Pair()
    r5 = id(p2) == tid
    t2 = (k, k)
    r6 = id(t2) == tid
    t3 = (k, k, k)
    r7 = id(t3) == tid
    print("int after float:", r1, "float after float:", r2)
    print("object after list:", r3, "longer list after list:", r4)
    print("object after tuple:", r5, "2-tuple after 3-tuple:", r6, "3-tuple after 3-tuple:", r7)

main()
