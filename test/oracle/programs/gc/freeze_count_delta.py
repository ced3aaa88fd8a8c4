# Checks: how many objects a second gc.freeze() adds: exactly the tracked objects created since.
import gc

gc.disable()
gc.collect()
gc.freeze()
base = gc.get_freeze_count()
x = [[], [], {}, [1]]
gc.freeze()
print("added:", gc.get_freeze_count() - base)
gc.unfreeze()
print(gc.get_freeze_count())
