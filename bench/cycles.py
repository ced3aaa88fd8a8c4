# The GC benchmark of issue 3: 100,000 cyclic pairs, collected automatically.
class Pair:
    pass

for i in range(100000):
    a = Pair()
    b = Pair()
    a.other = b
    b.other = a
print("done")
