# Checks: __del__ methods of cycle members that create objects and touch globals during collection,
# and the state seen after the collection.
import gc

gc.disable()
gc.collect()
log = []

class Reporter:
    def __init__(self, name):
        self.name = name
        self.data = [name] * 3

    def __del__(self):
        log.append(self.name + ":" + str(len(self.data)))
        self.data.append("late")

r1 = Reporter("r1")
r2 = Reporter("r2")
r1.peer = r2
r2.peer = r1
r1 = r2 = None
print(log)
print(gc.collect())
print(log)
print(gc.collect())
