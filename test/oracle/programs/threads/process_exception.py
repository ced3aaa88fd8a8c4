# Checks: a child process whose target raises ends with exit code 1 and the parent goes on; a target
# that returns normally ends with 0. (The parent then raises: the recorder takes stderr only with exit 1.)
import multiprocessing


def bad():
    raise ValueError("boom")


def good():
    return 42


if __name__ == "__main__":
    p = multiprocessing.Process(target=bad)
    p.start()
    p.join()
    q = multiprocessing.Process(target=good)
    q.start()
    q.join()
    print("exit codes", p.exitcode, q.exitcode)
    raise KeyError("parent")
