# Checks: gc.isenabled/disable/enable, and that explicit collect() works while disabled.
import gc

print(gc.isenabled())
gc.disable()
print(gc.isenabled())
gc.disable()
print(gc.isenabled())
a = []
a.append(a)
del a
print("collect while disabled:", gc.collect())
gc.enable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled())
