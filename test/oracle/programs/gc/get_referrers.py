# Checks: gc.get_referrers of a program object: which of the program's containers refer to it
# (counted by type, ignoring the module globals dict).
import gc

gc.disable()

class Thing:
    pass

t = Thing()
holder_list = [t]
holder_tuple = (t, 1)
holder_dict = {"t": t}
other = Thing()
other.ref = t
g = globals()
found = [r for r in gc.get_referrers(t) if r is not g]
print(len(found))
print(sorted(type(r).__name__ for r in found))
print(any(r is holder_list for r in found), any(r is holder_dict for r in found))
found = None
del holder_list
found = [r for r in gc.get_referrers(t) if r is not g]
print(len(found))
