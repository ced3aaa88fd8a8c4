# Checks: objects rebound each time round a while loop are freed as the name moves on.
import sys

class Tracker:
    alive = 0
    def __init__(self):
        Tracker.alive += 1
    def __del__(self):
        Tracker.alive -= 1

i = 0
cur = None
while i < 5:
    cur = Tracker()
    print(i, Tracker.alive, sys.getrefcount(cur))
    i += 1
print("end:", Tracker.alive)
cur = None
print("released:", Tracker.alive)
keep = []
while len(keep) < 3:
    keep.append(Tracker())
print("kept:", Tracker.alive)
keep = keep[1:]
print("sliced:", Tracker.alive)
