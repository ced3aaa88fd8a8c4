# Checks: __exit__ returning True suppresses the exception; falsy return lets it propagate.
class Suppress:
    def __init__(self, kind):
        self.kind = kind

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        if exc_type is None:
            print("clean exit")
            return False
        handled = issubclass(exc_type, self.kind)
        print("exit saw", exc_type.__name__, "suppress" if handled else "propagate")
        return handled

with Suppress(ZeroDivisionError):
    1 / 0
    print("not printed")
print("continued after suppressed error")
with Suppress(ZeroDivisionError):
    print("no error")
try:
    with Suppress(ZeroDivisionError):
        [][1]
except IndexError:
    print("IndexError propagated")
for i in range(3):
    with Suppress(ValueError):
        if i == 1:
            raise ValueError(i)
        print("iteration", i)
