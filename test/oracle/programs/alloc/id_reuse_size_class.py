# Checks: a freed block is reused only by a request of the same 16-byte size class: a bigger object
# takes another block, the next object of the freed one's size takes it back. (Printing happens at the
# end: writing to stdout allocates small buffers of its own.)
class Two:
    __slots__ = ('a', 'b')
    def __init__(self):
        self.a = self.b = None

def main():
    k = 5
    t = Two()
    old = id(t)
    del t
    word = "ab" * (k * 10)
    r1 = id(word) == old
    t2 = Two()
    r2 = id(t2) == old
    wid = id(word)
    del word
    longer = "cd" * (k * 60)
    r3 = id(longer) == wid
    same = "ef" * (k * 10)
    r4 = id(same) == wid
    f = k * 0.5
    r5 = (id(f) == wid, id(f) == id(t2))
    print("bigger str, other size class:", r1)
    print("same size takes the block back:", r2)
    print("longer str elsewhere:", r3)
    print("same length str reuses:", r4)
    print("float not in the str's block:", r5)
    print(len(same), len(longer), f)

main()
