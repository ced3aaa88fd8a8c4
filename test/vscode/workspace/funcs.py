import sys


class Box:
    def __init__(self, content):
        self.content = content


def wrap(item):
    box = Box(item)
    print(sys.getrefcount(item))
    return box


payload = ["x"]
b = wrap(payload)
print(sys.getrefcount(b.content))
