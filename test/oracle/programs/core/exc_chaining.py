# Checks: exception chaining: implicit __context__, explicit `raise ... from` (__cause__),
# `from None` (__suppress_context__), printed as type names.
def show(e):
    ctx = type(e.__context__).__name__ if e.__context__ is not None else None
    cause = type(e.__cause__).__name__ if e.__cause__ is not None else None
    print(type(e).__name__, ctx, cause, e.__suppress_context__)

try:
    try:
        {}["x"]
    except KeyError:
        raise ValueError("while handling")
except ValueError as e:
    show(e)

try:
    try:
        [][0]
    except IndexError as inner:
        raise TypeError("converted") from inner
except TypeError as e:
    show(e)

try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise RuntimeError("hidden") from None
except RuntimeError as e:
    show(e)

try:
    raise ValueError("plain")
except ValueError as e:
    show(e)

try:
    raise KeyError("k") from ValueError("v")
except KeyError as e:
    show(e)
    print(e.__cause__.args)
