# Checks: statistics('traceback') with start(2) gives the allocating line and its caller;
# get_object_traceback finds where an instance was created; untraced objects give None.
import tracemalloc

class Node:
    __slots__ = ('value',)
    def __init__(self, value):
        self.value = value

def make_node(v):
    return Node(v)

def make_buffer():
    return [None] * 40000

before = Node(0)
tracemalloc.start(2)
buf = make_buffer()
node = make_node(1)
snap = tracemalloc.take_snapshot()
stats = snap.statistics("traceback")
tb = stats[0].traceback
print("frames:", len(tb), [f.lineno for f in tb])
print("size KiB:", stats[0].size // 1024)
where = tracemalloc.get_object_traceback(node)
print("node made at:", [f.lineno for f in where])
print("untraced:", tracemalloc.get_object_traceback(before))
print(tb.format(limit=1)[0].split(",")[1])
tracemalloc.stop()
print("after stop:", tracemalloc.get_object_traceback(node))
