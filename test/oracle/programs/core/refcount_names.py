# Checks: sys.getrefcount of a list as names are bound, rebound and deleted at module level.
import sys

data = []
print("one name:", sys.getrefcount(data))
alias = data
print("two names:", sys.getrefcount(data))
third = alias
print("three names:", sys.getrefcount(data))
alias = None
print("after rebinding alias:", sys.getrefcount(data))
del third
print("after del third:", sys.getrefcount(data))
other = [data]
print("held by another list:", sys.getrefcount(data))
other = 0
print("that list gone:", sys.getrefcount(data))
print("alias is None:", alias is None)
