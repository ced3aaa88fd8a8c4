# Checks: an instance referring to itself survives `del` (refcount stays 1) until gc.collect();
# collect() counts the instance (plus its __dict__ on 3.10).
import gc
import sys

gc.disable()
gc.collect()

class Node:
    pass

n = Node()
n.me = n
print(sys.getrefcount(n))
del n
print("collected:", gc.collect())
print("again:", gc.collect())
