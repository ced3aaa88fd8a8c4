# A reference cycle: two objects that point at each other.
# Reference counting alone can never free them; CPython's cyclic garbage collector can.
import gc
import sys
import weakref

gc.disable()          # turn off automatic collections so we decide when the GC runs
gc.collect()          # start clean: free whatever the interpreter's startup left behind


class Person:
    def __init__(self, name):
        self.name = name
        self.friend = None

    def __del__(self):
        print("freeing", self.name)


alice = Person("alice")
bob = Person("bob")
alice.friend = bob    # alice -> bob
bob.friend = alice    # bob -> alice: now they form a cycle

# getrefcount reports one extra reference: its own argument.
print("refs to alice:", sys.getrefcount(alice))   # the name `alice` + bob.friend (+1)

watch = weakref.ref(alice)    # a weak reference does not keep alice alive
del alice, bob                # the names are gone, but each object still holds the other
print("alice still alive?", watch() is not None)

found = gc.collect()          # the collector finds the unreachable cycle and frees it
print("objects collected:", found)
print("alice still alive?", watch() is not None)
