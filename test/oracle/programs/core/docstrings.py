# Checks: docstrings: func.__doc__ is the code's first constant (the same object on every access),
# a class docstring is stored as __doc__ in the class dict, a class without one gets __doc__ = None,
# instances see the class's; a first statement that is not a str is no docstring.
import sys


def documented():
    "Say hello."
    return 1


def plain():
    x = 1
    return x


def numbered():
    42
    return 0


class Doc:
    """A class with a docstring."""

    def method(self):
        """Method doc."""


class NoDoc:
    pass


print(documented.__doc__, plain.__doc__, numbered.__doc__)
print(documented.__doc__ is documented.__doc__)
print(Doc.__doc__, Doc().__doc__, Doc.method.__doc__, Doc().method.__doc__)
print(NoDoc.__doc__, "__doc__" in NoDoc.__dict__, "__doc__" in Doc.__dict__)
print(list(Doc.__dict__)[:3])
print(sys.getrefcount(documented.__doc__) - sys.getrefcount(plain.__doc__) < 0)
