# Checks: an allocation far beyond any machine's memory raises MemoryError (caught), and the
# program goes on; the simulation must not really allocate it.
def try_alloc(label, make):
    try:
        obj = make()
        print(label, "allocated", len(obj))
    except MemoryError as e:
        print(label, type(e).__name__, e.args)


try_alloc("list", lambda: [0] * 10 ** 15)
try_alloc("list of lists", lambda: [[]] * 2 ** 60)
try_alloc("small", lambda: [0] * 10)
data = [1, 2, 3]
try:
    data = data * 10 ** 16
except MemoryError:
    print("MemoryError, data unchanged:", data)
print("still running")
