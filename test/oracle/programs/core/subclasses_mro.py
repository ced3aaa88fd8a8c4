# Checks: type.__subclasses__() (live subclasses in creation order, a dead one gone after collection),
# __mro__ and __bases__ returned as the class's own tuples (the same object on every access).
import gc
import sys


class Base:
    pass


class A(Base):
    pass


class B(Base):
    pass


class C(A, B):
    pass


print([k.__name__ for k in Base.__subclasses__()], [k.__name__ for k in A.__subclasses__()])
print(C.__mro__ is C.__mro__, C.__bases__ is C.__bases__, [k.__name__ for k in C.__mro__])
refs = sys.getrefcount(C.__mro__)
print(refs == sys.getrefcount(C.__mro__))
del C
gc.collect()
print([k.__name__ for k in A.__subclasses__()], [k.__name__ for k in Base.__subclasses__()])
