# Checks: Snapshot.compare_to: the line that grew most comes first with its size and count
# differences; a line whose objects were freed shows a negative difference.
import tracemalloc

def build(n):
    return [None] * n

tracemalloc.start()
keep = build(50000)
drop = [0] * 20000
first = tracemalloc.take_snapshot()
more = [build(30000) for i in range(3)]
del drop
second = tracemalloc.take_snapshot()
diffs = second.compare_to(first, "lineno")
top = diffs[0]
print("top line:", top.traceback[0].lineno)
print("size diff KiB:", top.size_diff // 1024, "count diff:", top.count_diff)
freed = [d for d in diffs if d.traceback[0].lineno == 10]
print("freed line:", len(freed), freed[0].size_diff // 1024, freed[0].count_diff, freed[0].size)
same = [d for d in diffs if d.traceback[0].lineno == 6]
print("unchanged line:", same[0].size // 1024, same[0].size_diff < 1024)
tracemalloc.stop()
