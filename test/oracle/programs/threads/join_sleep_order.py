# Checks: threads sleeping for distinct durations finish in duration order; join waits for each.
import threading
import time

order = []
lock = threading.Lock()


def worker(name, delay):
    time.sleep(delay)
    with lock:
        order.append(name)


threads = [threading.Thread(target=worker, args=(f"w{i}", 0.08 * (4 - i))) for i in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(order)
print([t.is_alive() for t in threads])
