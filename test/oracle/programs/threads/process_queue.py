# Checks: multiprocessing.Process runs targets in child processes; a Queue brings results back;
# exitcode, is_alive() and name before and after start()/join().
import multiprocessing


def square(q, n):
    q.put(n * n)


def noop():
    pass


if __name__ == "__main__":
    q = multiprocessing.Queue()
    ps = [multiprocessing.Process(target=square, args=(q, i)) for i in range(4)]
    for p in ps:
        p.start()
    for p in ps:
        p.join()
    print(sorted(q.get() for _ in range(4)))
    print([p.exitcode for p in ps])
    print(all(not p.is_alive() for p in ps))
    p = multiprocessing.Process(target=noop, name="worker-x")
    print(p.name, p.is_alive(), p.exitcode)
    p.start()
    p.join()
    print(p.name, p.is_alive(), p.exitcode)
    print(multiprocessing.Process(target=noop).name)
