# Checks: bare raise re-raising the current exception, raise e, and raising classes vs instances.
def reraiser():
    try:
        raise ValueError("original")
    except ValueError:
        print("logging and re-raising")
        raise

try:
    reraiser()
except ValueError as e:
    print("caught again:", e)

def raise_class():
    raise KeyError

try:
    raise_class()
except KeyError as e:
    print("class raised:", repr(e), e.args)

try:
    err = RuntimeError("stored")
    raise err
except RuntimeError as e:
    print(e is err, e)

try:
    try:
        raise IndexError(1, 2)
    except IndexError as e:
        raise e
except IndexError as e:
    print(e.args, str(e))

try:
    raise Exception("a", "b")
except Exception as e:
    print(str(e), repr(e))
try:
    raise Exception()
except Exception as e:
    print(repr(str(e)), repr(e))
