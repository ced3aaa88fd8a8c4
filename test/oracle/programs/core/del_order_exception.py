# Checks: when objects die around exceptions: locals of a frame an exception leaves, the
# `except as` name cleared at the end of the handler, and objects kept by the exception.
class N:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)

class Err(Exception):
    pass

def fails():
    local = N("local")
    raise Err("boom")

try:
    fails()
except Err as e:
    print("caught", e)
print("after handler")

def raises_with_payload():
    raise Err(N("payload"))

try:
    raises_with_payload()
except Err as e:
    print("caught payload", e.args[0].name)
print("after second handler")
try:
    x = N("try-local")
    raise ValueError("v")
except ValueError:
    print("handler runs")
finally:
    print("finally runs")
x = None
print("end")
