# Checks: gc.get_count(): zero after collect(), growth by GC-tracked allocations, decrease when
# tracked objects are freed, generation-1 count after young collections. Counts are taken before
# any print, since printing may allocate.
import gc

gc.disable()
gc.collect()
zero = gc.get_count()
start = gc.get_count()[0]
a = []
b = {}
c = []
mid = gc.get_count()[0]
x = 1
y = "s"
z = 2.5
after_atoms = gc.get_count()[0]
del a, c
after_del = gc.get_count()[0]
gc.collect(0)
one_young = gc.get_count()
gc.collect(0)
gc.collect(0)
three_young = gc.get_count()
gc.collect(1)
after_gen1 = gc.get_count()
gc.collect()
final = gc.get_count()
print(zero)
print("three containers:", mid - start)
print("atoms are not tracked:", after_atoms - mid)
print("after freeing two:", after_del - after_atoms)
print(one_young, three_young, after_gen1, final)
