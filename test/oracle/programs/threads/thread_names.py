# Checks: thread names (explicit, and Thread-N (target) for unnamed ones), current_thread, main_thread,
# daemon flags and the exception a thread's target raises (printed, the program goes on).
import threading

names = []


def record():
    names.append(threading.current_thread().name)


a = threading.Thread(target=record, name="alpha")
b = threading.Thread(target=record)
c = threading.Thread(target=record, daemon=True)
for t in (a, b, c):
    t.start()
    t.join()
print(names)
print(a.daemon, c.daemon, threading.main_thread().name, threading.current_thread() is threading.main_thread())
print(b.name.startswith("Thread-"), b.name)
