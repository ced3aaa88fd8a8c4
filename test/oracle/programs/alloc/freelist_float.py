# Checks: floats computed at run time reuse the memory of floats freed just before (float free list /
# pymalloc LIFO), the last freed first; constants never die so their memory is not reused.
def main():
    k = 3
    f = k * 1.5
    old = id(f)
    del f
    g = k * 2.5
    print("new float takes the freed one:", id(g) == old)
    a = k * 0.1
    b = k * 0.2
    c = k * 0.3
    ia, ib, ic = id(a), id(b), id(c)
    del a
    del b
    del c
    x = k * 1.1
    y = k * 1.2
    z = k * 1.3
    print("LIFO:", id(x) == ic, id(y) == ib, id(z) == ia)
    print("values:", x, y, z)
    total = 0.0
    for i in range(10):
        total += i * 0.5
    print("loop result:", total)

main()
