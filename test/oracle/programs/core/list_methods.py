# Checks: list methods: append, extend, insert, remove, pop, index, count, sort, reverse, copy.
lst = [3, 1, 4]
lst.append(1)
lst.extend([5, 9])
lst.insert(0, 2)
lst.insert(-1, 6)
lst.insert(100, 7)
print(lst)
lst.remove(1)
print(lst, lst.pop(), lst.pop(0), lst)
print(lst.index(4), lst.count(1), lst.count(42))
lst.sort()
print(lst)
lst.reverse()
print(lst)
c = lst.copy()
c.append(0)
print(lst, c)
print([1, 2] + [3], [0] * 3, [1, 2] * 0, [[0] * 2] * 2)
print([1, 2, 3] < [1, 3], [1, 2] == [1, 2], [] < [0], max([[1, 2], [1, 3]]))
print(len(lst), 4 in lst, 42 not in lst)
nested = [[3, "c"], [1, "a"], [2, "b"]]
nested.sort()
print(nested)
try:
    [].pop()
except IndexError as e:
    print("IndexError:", e)
