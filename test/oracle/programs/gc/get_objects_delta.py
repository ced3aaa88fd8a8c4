# Checks: len(gc.get_objects()) grows by the number of tracked objects the program creates and
# shrinks when they are freed (all measured before printing, since the first print may allocate),
# and gc.get_objects(generation) sizes after a full collection.
import gc

gc.disable()
gc.collect()
base = len(gc.get_objects())
again = len(gc.get_objects())
made = [[] for _ in range(10)]
grown = len(gc.get_objects())
made = None
freed = len(gc.get_objects())
atoms = [1.5, "s", 10 ** 30]
with_atoms = len(gc.get_objects())
gc.collect()
young = len(gc.get_objects(0))
middle = len(gc.get_objects(1))
print("measuring twice:", again - base)
print("new tracked objects:", grown - base)
print("after freeing:", freed - base)
print("one list of atoms:", with_atoms - freed)
print("after collect:", young, middle)
