# Checks: a ring of 50 instances is freed only by collect(); the count returned by collect().
import gc

gc.disable()
gc.collect()

class Link:
    pass

links = [Link() for _ in range(50)]
for i in range(50):
    links[i].next = links[(i + 1) % 50]
head = links[0]
links = None
print("ring alive:", head.next.next is not None)
print(gc.collect())
head = None
print(gc.collect())
ring = []
for i in range(30):
    ring.append([ring])
print(gc.collect())
ring = None
print(gc.collect())
