# Checks: many small cycles inside one list: nothing is freed while the list lives; deleting the
# list frees the non-cycle parts by refcount and leaves the cycles for gc.collect().
import gc

gc.disable()
gc.collect()
freed = []


class Item:
    def __init__(self, n, cyclic):
        self.n = n
        if cyclic:
            self.me = self

    def __del__(self):
        freed.append(self.n)


items = [Item(i, i % 2 == 0) for i in range(8)]
print(len(freed))
del items
print("freed by refcount:", freed)
freed.clear()
print("collected:", gc.collect())
print("freed by gc:", sorted(freed), len(freed))
