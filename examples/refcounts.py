# Reference counts: every name, container slot and argument that points at an object adds one.
# sys.getrefcount(x) always shows one more than you expect: the call's own argument.
import sys

data = [1, 2, 3]
print("just the name:", sys.getrefcount(data))

alias = data                     # a second name for the same list (no copy is made)
print("two names:", sys.getrefcount(data))

box = [data, data]               # a list holding it twice adds two references
print("in a list twice:", sys.getrefcount(data))


def inspect(arg):
    # inside a call, the parameter is another reference
    return sys.getrefcount(arg)


print("inside a function:", inspect(data))

del alias                        # del removes a name, not the object
box.clear()                      # clearing the list drops its two references
print("back to one name:", sys.getrefcount(data))

copy = list(data)                # a real copy is a different object with its own count
print("the copy:", sys.getrefcount(copy), "same object?", copy is data)
