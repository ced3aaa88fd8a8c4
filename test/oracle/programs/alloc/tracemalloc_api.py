# Checks: tracemalloc's switches: is_tracing, get_traced_memory when stopped, the traceback limit,
# take_snapshot while not tracing, start() argument checks, clear_traces and stop resetting counters.
import tracemalloc

print("tracing at start:", tracemalloc.is_tracing())
print("memory when stopped:", tracemalloc.get_traced_memory())
try:
    tracemalloc.take_snapshot()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    tracemalloc.start(0)
except ValueError as e:
    print("ValueError:", e)
tracemalloc.start(3)
print("tracing:", tracemalloc.is_tracing(), "limit:", tracemalloc.get_traceback_limit())
data = [None] * 20000
cur, peak = tracemalloc.get_traced_memory()
print("traced >= 160000:", cur >= 160000, "peak >= current:", peak >= cur)
tracemalloc.clear_traces()
cleared = tracemalloc.get_traced_memory()[0]
del data
later = tracemalloc.get_traced_memory()[0]
print("after clear_traces:", cleared, "freeing an untraced object:", 0 <= later < 1024)
snap = tracemalloc.take_snapshot()
print("snapshot limit:", snap.traceback_limit)
tracemalloc.stop()
print("after stop:", tracemalloc.is_tracing(), tracemalloc.get_traced_memory())
try:
    snap.statistics("module")
except ValueError as e:
    print("ValueError:", e)
