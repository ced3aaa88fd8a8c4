# Checks: generator send(): priming with next, values sent in, running totals.
def averager():
    total = 0
    count = 0
    avg = None
    while True:
        value = yield avg
        total += value
        count += 1
        avg = total / count

a = averager()
print(next(a))
print(a.send(10))
print(a.send(20))
print(a.send(3))

def echo():
    received = yield "ready"
    while received != "stop":
        received = yield "echo " + received

e = echo()
print(next(e), e.send("a"), e.send("b"))
try:
    e.send("stop")
except StopIteration:
    print("stopped")
