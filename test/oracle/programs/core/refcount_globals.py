# Checks: functions reading and writing module globals; refcounts seen from inside and outside.
import sys

G = [1]

def read():
    return sys.getrefcount(G)

def write():
    global G
    G = [2]
    return sys.getrefcount(G)

def keep_old():
    global saved
    saved = G
    return sys.getrefcount(G)

print(read())
old = G
print(read())
print(keep_old())
print(write())
print(sys.getrefcount(old), old, G)
print(saved is old)
