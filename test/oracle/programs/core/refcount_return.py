# Checks: objects returned from functions: fresh values, returned arguments, values kept in globals.
import sys

cache = []

def fresh():
    return [1, 2]

def same(o):
    return o

def remember():
    v = [9]
    cache.append(v)
    return v

r = fresh()
print("fresh result:", sys.getrefcount(r))
s = same(r)
print("returned argument:", sys.getrefcount(r), s is r)
m = remember()
print("also in cache:", sys.getrefcount(m))
print(sys.getrefcount(same(same(r))))
print(sys.getrefcount(fresh()))

def multi():
    v = [0]
    return v, v

t = multi()
print("tuple holds it twice:", sys.getrefcount(t[0]))
