# Generators: a function with `yield` runs lazily. Its frame (locals and position) is suspended
# between values and keeps its objects alive until the generator finishes or is dropped.
import sys


def countdown(n):
    print("starting countdown from", n)
    while n > 0:
        yield n               # pause here and hand n to the caller
        n -= 1
    print("liftoff")


gen = countdown(3)            # nothing runs yet
print("created the generator")
print(next(gen))              # runs until the first yield
for value in gen:             # the for loop resumes it until it is exhausted
    print(value)

# A suspended generator holds a reference to its arguments and locals.
big = list(range(1000))


def walk(seq):
    for item in seq:
        yield item


before = sys.getrefcount(big)
walker = walk(big)
next(walker)                  # now suspended inside the loop, holding `seq` and an iterator
print("extra references while suspended:", sys.getrefcount(big) - before)
walker = None                 # dropping the generator releases them
print("after dropping it:", sys.getrefcount(big) - before)

# Generator expressions are lazy too: sum() pulls one value at a time, no list is built.
print("sum of squares:", sum(x * x for x in range(10)))
