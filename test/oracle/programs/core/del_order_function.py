# Checks: locals die when a function returns (in the order CPython clears the frame), unless returned.
class N:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)

def work():
    first = N("first")
    second = N("second")
    third = N("third")
    print("returning")
    return second

kept = work()
print("got", kept.name)
kept = None

def early(flag):
    x = N("x")
    if flag:
        return 1
    y = N("y")
    return 2

print(early(True))
print(early(False))

def arg_dies(obj):
    print("inside")

arg_dies(N("temp"))
print("after temp")
