# Checks: with gc enabled and default thresholds, a program that makes 5000 small cycles has had
# them collected automatically before the end; how many finalizers ran by then.
import gc

gc.collect()
alive = [0]

class Cell:
    def __init__(self):
        alive[0] += 1
        self.loop = [self]

    def __del__(self):
        alive[0] -= 1

for i in range(5000):
    Cell()
print(alive[0] < 5000)
gc.collect()
print(alive[0])
