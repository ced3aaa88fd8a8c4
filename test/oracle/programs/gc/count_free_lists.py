# Checks: generation-0 count around single statements: objects reused from the tuple/list/dict free
# lists do not count, a full collection empties those lists, 3.10 counts a frame per new code object,
# gc.get_count() reads the counts before allocating its own tuple.
import gc

gc.disable()
gc.collect()
R = [0] * 24
c = gc.get_count
R[0] = c()[0]
R[1] = c()[0]
a = [1]
R[2] = c()[0]
del a
R[3] = c()[0]
a = [2]
R[4] = c()[0]
d = {"k": []}
R[5] = c()[0]
del d
R[6] = c()[0]
t = (a, a)
R[7] = c()[0]
del t
t = (a, R)
R[8] = c()[0]


def f(x):
    return [x]


f(1)
R[9] = c()[0]
f(2)
R[10] = c()[0]
m = R.append
R[11] = c()[0]
del m
R[12] = c()[0]
y = [i for i in range(3)]
R[13] = c()[0]
gc.collect()
R[14] = c()[0]
a = [3]
R[15] = c()[0]
print([R[i + 1] - R[i] for i in range(15)])
