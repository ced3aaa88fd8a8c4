# Checks: gc.get_threshold default per version, set_threshold with 1, 2 and 3 values, and threshold 0.
import gc

print(gc.get_threshold())
gc.set_threshold(500)
print(gc.get_threshold())
gc.set_threshold(100, 5)
print(gc.get_threshold())
gc.set_threshold(50, 4, 3)
print(gc.get_threshold())
gc.set_threshold(0)
print(gc.get_threshold())
try:
    gc.set_threshold()
except TypeError as e:
    print("TypeError")
