# Threads and the GIL: two CPU-bound threads take turns holding the GIL (one runs Python bytecode at a
# time); a sleeping thread gives the GIL up at once. Open the memory panel's GIL view to watch the
# switches every 5 ms of simulated time (sys.getswitchinterval()).
import sys
import threading
import time

print("switch interval:", sys.getswitchinterval())
results = {}


def count(name, n):
    total = 0
    for i in range(n):
        total += i
    results[name] = total


def nap():
    time.sleep(0.01)          # blocking: releases the GIL immediately
    results["nap"] = "rested"


workers = [
    threading.Thread(target=count, args=("a", 60000)),
    threading.Thread(target=count, args=("b", 60000)),
    threading.Thread(target=nap),
]
for t in workers:
    t.start()
for t in workers:
    t.join()
print(sorted(results))
print(results["a"] == results["b"], threading.active_count())
