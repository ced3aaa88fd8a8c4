# Checks: sys.getsizeof of dict displays, dict(), dict comprehensions, and dicts after deletes/clear.
import sys

print(sys.getsizeof({}), sys.getsizeof(dict()))
print(sys.getsizeof({1: 1}), sys.getsizeof({1: 1, 2: 2, 3: 3, 4: 4, 5: 5}))
print(sys.getsizeof({i: i for i in range(6)}), sys.getsizeof({i: i for i in range(20)}))
print(sys.getsizeof(dict(a=1, b=2)), sys.getsizeof(dict([(1, 2), (3, 4)])))
d = {i: i for i in range(50)}
print(sys.getsizeof(d))
for i in range(45):
    del d[i]
print("after deletes:", len(d), sys.getsizeof(d))
d[100] = 1
print("insert after deletes:", sys.getsizeof(d))
d.clear()
print("clear:", sys.getsizeof(d))
d[1] = 1
print("insert after clear:", sys.getsizeof(d))
e = {"x": 1}
e.pop("x")
print(sys.getsizeof(e), sys.getsizeof(e.copy()))
