# Checks: calling a Python class with arguments builds type_call's argument tuple (and a keyword dict
# plus slot_tp_init's keyword-names tuple) around __init__: generation-0 counts right after
# gc.collect() for no arguments, positional, keyword and *args calls, and a loop
# of calls where the freed tuple is reused from the tuple free list.
import gc
class N:
    pass
class I:
    def __init__(self, x=0):
        self.x = x
class B:
    def __init__(self, *a, **k):
        pass
keep = []
gc.disable()
gc.collect(); a = gc.get_count()[0]; keep.append(I()); print('I()', gc.get_count()[0] - a)
gc.collect(); a = gc.get_count()[0]; keep.append(I(1)); print('I(1)', gc.get_count()[0] - a)
gc.collect(); a = gc.get_count()[0]; keep.append(I(x=1)); print('I(x=1)', gc.get_count()[0] - a)
gc.collect(); a = gc.get_count()[0]; keep.append(B(1, 2)); print('B(1, 2)', gc.get_count()[0] - a)
gc.collect(); a = gc.get_count()[0]; keep.append(B(k=1)); print('B(k=1)', gc.get_count()[0] - a)
gc.collect(); a = gc.get_count()[0]; keep.append(N()); print('N()', gc.get_count()[0] - a)
gc.collect(); a = gc.get_count()[0]
for i in range(5):
    keep.append(I(i))
print('5 x I(i)', gc.get_count()[0] - a)
gc.collect(); a = gc.get_count()[0]
for i in range(5):
    keep.append(B(i, k=i))
print('5 x B(i, k=i)', gc.get_count()[0] - a, len(keep))
