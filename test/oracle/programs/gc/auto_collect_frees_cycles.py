# Checks: cycles created in a loop are freed by automatic collections (not by refcounting);
# how many finalizers have run when the loop ends.
import gc

gc.disable()
gc.collect()
freed = [0]

class Cyc:
    def __init__(self):
        self.me = self

    def __del__(self):
        freed[0] += 1

gc.set_threshold(50, 10, 10)
gc.enable()
for i in range(300):
    Cyc()
gc.disable()
print("freed automatically:", freed[0])
print("left for collect():", gc.collect())
print("total freed:", freed[0])
