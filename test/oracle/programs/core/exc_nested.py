# Checks: nested try blocks, exceptions raised inside handlers and finally, propagation order.
def inner():
    try:
        raise KeyError("k")
    finally:
        print("inner finally")

def middle():
    try:
        inner()
    except IndexError:
        print("wrong handler")
    finally:
        print("middle finally")

try:
    middle()
except KeyError as e:
    print("outer caught", repr(e))

try:
    try:
        raise ValueError("first")
    except ValueError:
        raise TypeError("second")
except TypeError as e:
    print("got", type(e).__name__, e, type(e.__context__).__name__)

try:
    try:
        1 / 0
    finally:
        print("finally with pending exception")
except ZeroDivisionError:
    print("propagated through finally")

for exc_type in [ValueError, KeyError, TypeError]:
    try:
        raise exc_type("x")
    except (ValueError, KeyError) as e:
        print("tuple handler", type(e).__name__)
    except Exception as e:
        print("generic handler", type(e).__name__)
