# Checks: special methods of builtin types as attributes: hasattr on __iter__/__len__/__add__, direct
# calls of __len__/__getitem__/__contains__/__next__, int.__add__ returning NotImplemented for a float.
print(hasattr([], "__iter__"), hasattr("s", "__len__"), hasattr(1, "__add__"), hasattr({}, "__getitem__"), hasattr(3, "__iter__"))
print("ab".__len__(), [1, 2].__getitem__(1), {1: 2}.__getitem__(1), (1, 2).__contains__(2), range(5).__len__())
print((1).__add__(2), (1).__add__(1.5), (1.5).__add__(1), (2).__mul__(3), (7).__floordiv__(2), (2.0).__pow__(3))
print("a".__add__("b"), [1].__add__([2]), (1,).__add__((2,)))
it = [1, 2].__iter__()
print(it.__next__(), next(it), it.__iter__() is it)
try:
    it.__next__()
except StopIteration:
    print("stop")
try:
    "a".__add__(1)
except TypeError as e:
    print(e)
print(True.__add__(1), (1).__add__(True))
class L(list):
    pass
print(len(L([1, 2])), L([1]).__len__())
