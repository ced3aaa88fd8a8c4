# Checks: a child process gets its own copy of module state (spawn/fork): its changes to a
# module-level list do not reach the parent, only what it puts on the Queue does.
import multiprocessing

counter = [0]


def bump(q):
    counter.append(1)
    q.put(len(counter))


if __name__ == "__main__":
    q = multiprocessing.Queue()
    p = multiprocessing.Process(target=bump, args=(q,))
    p.start()
    p.join()
    print("child saw", q.get())
    print("parent has", len(counter))
