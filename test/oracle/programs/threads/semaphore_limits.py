# Checks: a Semaphore lets at most N threads in at once; the maximum seen inside is N.
import threading
import time

sem = threading.Semaphore(2)
inside = 0
peak = 0
guard = threading.Lock()


def task(delay):
    global inside, peak
    with sem:
        with guard:
            inside += 1
            peak = max(peak, inside)
        time.sleep(delay)
        with guard:
            inside -= 1


threads = [threading.Thread(target=task, args=(0.01 * (i + 1),)) for i in range(5)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(peak, inside)
b = threading.BoundedSemaphore(1)
b.acquire()
b.release()
try:
    b.release()
except ValueError as e:
    print("ValueError:", e)
