# Checks: user exception classes: inheritance, custom __init__ and __str__, isinstance, handler order.
class AppError(Exception):
    pass

class NotFound(AppError):
    def __init__(self, key):
        super().__init__(key)
        self.key = key

    def __str__(self):
        return "missing: " + str(self.key)

class Invalid(AppError, ValueError):
    pass

for exc in [NotFound("k1"), Invalid("bad", 2), AppError()]:
    try:
        raise exc
    except NotFound as e:
        print("NotFound", e, e.args, e.key)
    except ValueError as e:
        print("ValueError branch", type(e).__name__, e, e.args)
    except AppError as e:
        print("AppError", repr(e), isinstance(e, Exception))

print(issubclass(Invalid, ValueError), issubclass(NotFound, ValueError))
print([c.__name__ for c in Invalid.__mro__])
e = NotFound(42)
print(str(e), repr(e))
