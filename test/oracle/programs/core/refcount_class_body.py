# Checks: refcounts of objects referenced from a class body, a method's defaults and the instance dict.
import sys

marker = [0]
print(sys.getrefcount(marker))

class Config:
    default = marker
    items = [marker, marker]

    def method(self, m=marker):
        return m

print(sys.getrefcount(marker))
c = Config()
c.local = marker
print(sys.getrefcount(marker))
print(c.method() is marker, Config.items[0] is marker)
del Config.items
print(sys.getrefcount(marker))
c.local = None
print(sys.getrefcount(marker))
