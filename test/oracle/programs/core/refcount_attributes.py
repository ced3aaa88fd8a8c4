# Checks: refcounts of objects stored as instance attributes and class attributes.
import sys

payload = [1, 2, 3]

class Holder:
    shared = payload

print("class attribute:", sys.getrefcount(payload))
h = Holder()
print("instance sees class attr:", sys.getrefcount(payload))
h.mine = payload
print("instance attribute:", sys.getrefcount(payload))
h2 = Holder()
h2.mine = payload
h2.other = payload
print("second instance x2:", sys.getrefcount(payload))
del h2
print("second instance gone:", sys.getrefcount(payload))
Holder.shared = None
print("class attr rebound:", sys.getrefcount(payload))
del h.mine
print("attr deleted:", sys.getrefcount(payload))
print(hasattr(h, "mine"), h.shared)
