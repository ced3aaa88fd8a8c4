# Checks: CPU-bound threads each compute a result; the results gathered and sorted are deterministic.
import threading

results = {}


def total(key, n):
    s = 0
    for i in range(n):
        s += i * i
    results[key] = s


threads = [threading.Thread(target=total, args=(k, n)) for k, n in [("a", 3000), ("b", 2000), ("c", 1000)]]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(results.items()))
print(threading.active_count())
