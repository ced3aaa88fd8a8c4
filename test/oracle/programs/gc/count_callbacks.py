# Checks: generation-0 count seen from gc callbacks: allocations of the "start" callback are wiped by
# the collection, those of the "stop" callback count; METH_VARARGS gc functions allocate an argument
# tuple; an automatic collection triggered by threshold 0 (immediately or at the next eval breaker).
import gc

gc.disable()
gc.collect()
seen = []


def cb(phase, info):
    seen.append((phase, gc.get_count(), [info["generation"]]))


gc.callbacks.append(cb)
gc.collect(0)
gc.collect(0)
after = gc.get_count()
gc.get_referents(seen, seen, seen)
refs = gc.get_count()
gc.set_threshold(5, 10, 10)
gc.enable()
keep = []
for i in range(6):
    keep.append([i])
gc.disable()
end = gc.get_count()
gc.callbacks.remove(cb)
for s in seen:
    print(s[0], s[1], s[2])
print(after, refs, end, len(keep))
