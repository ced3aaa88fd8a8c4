# Checks: Snapshot.statistics('lineno') orders lines by traced size; big lists are traced at the line
# that built them with about their item buffer's size (8 bytes per slot).
import tracemalloc

tracemalloc.start()
big = [None] * 102400
mid = [0] * 30720
small = [1] * 5120
snap = tracemalloc.take_snapshot()
stats = snap.statistics("lineno")
for stat in stats[:3]:
    frame = stat.traceback[0]
    print(frame.lineno, stat.size // 1024, "KiB")
text = str(stats[0])
print(text[text.index(":6: "):].split(",")[0].split("=")[0], text.count("KiB"))
print(stats[0].traceback[0].filename == stats[1].traceback[0].filename, repr(stats[0].traceback[0])[:16])
lines = [s.traceback[0].lineno for s in stats]
print("line 6 before line 7:", lines.index(6) < lines.index(7))
tracemalloc.stop()
