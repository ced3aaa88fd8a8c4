# Checks: get_traced_memory's peak keeps the high-water mark after a big list is freed, and
# reset_peak brings it down to the current traced size.
import tracemalloc

tracemalloc.start()
base, _ = tracemalloc.get_traced_memory()
tmp = [None] * 204800
after_alloc, _ = tracemalloc.get_traced_memory()
del tmp
cur, peak = tracemalloc.get_traced_memory()
print("list traced (KiB):", (after_alloc - base) // 1024)
print("freed:", cur - base < 1024)
print("peak kept (KiB):", (peak - base) // 1024)
tracemalloc.reset_peak()
cur2, peak2 = tracemalloc.get_traced_memory()
print("after reset_peak, peak - current < 1 KiB:", peak2 - cur2 < 1024)
small = [None] * 1000
cur3, peak3 = tracemalloc.get_traced_memory()
print("new peak below the old one:", peak3 < peak, (peak3 - cur2) // 1024)
tracemalloc.stop()
