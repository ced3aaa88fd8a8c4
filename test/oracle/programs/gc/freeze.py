# Checks: gc.freeze moves tracked objects to the permanent generation (get_freeze_count grows),
# frozen cycles are not collected, gc.unfreeze returns them to the oldest generation.
import gc

gc.disable()
gc.collect()
print(gc.get_freeze_count() >= 0)
gc.unfreeze()
print(gc.get_freeze_count())
a = []
a.append(a)
b = {}
b["b"] = b
before = gc.get_freeze_count()
gc.freeze()
frozen = gc.get_freeze_count()
print("frozen some:", frozen > before, gc.get_count())
del a, b
print("collect skips frozen cycles:", gc.collect())
gc.unfreeze()
print(gc.get_freeze_count())
print("after unfreeze:", gc.collect())
