# Checks: private name mangling: self.__x stored as _A__x (instance __dict__ keys, class attributes,
# methods), AttributeError for a.__x outside the class, B's __x beside A's __x under inheritance,
# nested classes mangle with the innermost name, functions/lambdas/comprehensions and parameters in a
# class mangle, dunders and all-underscore class names do not, __slots__ entries, and the refcount
# and size of an instance dict with mangled keys.
import sys
class A:
    __count = 0
    def __init__(self, __v):
        self.__x = [__v]
        self.__y__ = 2
        A.__count += 1
    def __secret(self):
        return self.__x
    def get(self):
        return self.__secret(), (lambda __z: __z + 1)(3), [__i * 2 for __i in range(2)]
    class __Inner:
        def m(self):
            self.__q = 1
            return list(vars(self))
class B(A):
    def __init__(self):
        super().__init__(7)
        self.__x = 'b'
    def both(self):
        return self.__x, self._A__x
a = A(1)
print(sorted(a.__dict__), a._A__x, a.get())
print(sorted(k for k in A.__dict__ if k.startswith('_A')), A._A__count)
try:
    a.__x
except AttributeError as e:
    print('AttributeError:', e)
b = B()
print(sorted(b.__dict__), b.both(), A._A__count)
print(A._A__Inner.__name__, A._A__Inner.__qualname__, A._A__Inner().m())
class __:
    __w = 1
class _C:
    __w = 1
    __slots__ = ('__s', 'plain')
    def __init__(self):
        self.__s = 5
print('__w' in __.__dict__, sorted(k for k in _C.__dict__ if k.startswith('_C')), _C()._C__s)
try:
    class D:
        __slots__ = ('__k',)
        __k = 1
except ValueError as e:
    print('ValueError:', e)
d = a.__dict__
print(sys.getrefcount(d), sys.getsizeof(d), sys.getsizeof(b.__dict__), sys.getrefcount(a._A__x))
try:
    A(__v=1)
except TypeError as e:
    print('TypeError:', e)
