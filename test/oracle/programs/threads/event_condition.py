# Checks: Event.wait/set and a Condition-based producer/consumer handing items over in order.
import threading
import time

ready = threading.Event()
log = []


def waiter():
    ready.wait()
    log.append("waiter saw the event")


w = threading.Thread(target=waiter)
w.start()
time.sleep(0.01)
log.append("main sets the event")
ready.set()
w.join()
print(log)
print(ready.is_set(), ready.wait(0.01))

cond = threading.Condition()
queue = []
got = []


def consumer():
    for _ in range(3):
        with cond:
            while not queue:
                cond.wait()
            got.append(queue.pop(0))


c = threading.Thread(target=consumer)
c.start()
for item in ["x", "y", "z"]:
    time.sleep(0.005)
    with cond:
        queue.append(item)
        cond.notify()
c.join()
print(got)
