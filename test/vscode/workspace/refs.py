import sys

data = [1, 2, 3]
alias = data
print(sys.getrefcount(data))
print(sys.getsizeof(data))
for i in range(3):
    tmp = [i]
print(sys.getrefcount(tmp))
del alias
print(sys.getrefcount(data))
