# Processes vs threads: the same CPU-bound work on two threads shares one GIL (they take turns), on two
# processes it runs in parallel, each process with its own interpreter, heap and GIL. Open the memory
# panel's GIL view: the threads alternate, the two process lanes run side by side. The parent sees
# the children's results only through the Queue; their module-level state is their own copy.
import multiprocessing
import threading

calls = []


def work(n):
    calls.append(n)
    total = 0
    for i in range(n):
        total += i
    return total


def report(q, n):
    q.put(work(n))


if __name__ == "__main__":
    threads = [threading.Thread(target=work, args=(30000,)) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print("threads ran work", len(calls), "times in this process")

    q = multiprocessing.Queue()
    procs = [multiprocessing.Process(target=report, args=(q, 30000)) for _ in range(2)]
    for p in procs:
        p.start()
    for p in procs:
        p.join()
    print("processes returned", sorted([q.get(), q.get()]))
    print("exit codes", [p.exitcode for p in procs])
    print("work ran", len(calls), "times in this process")
