# Checks: BaseException.__init__ called from a subclass replaces args (super().__init__(msg),
# Exception.__init__(self, a, b)); str/repr follow the new args; the old args tuple's items lose a
# reference; a subclass without __init__ keeps every constructor argument.
import sys


class Coded(Exception):
    def __init__(self, msg, code):
        super().__init__(msg)
        self.code = code


class Two(Exception):
    def __init__(self, a, b, c):
        Exception.__init__(self, a, b)


class Plain(Exception):
    pass


payload = ["big", "payload"]
before = sys.getrefcount(payload)
e = Coded("bad", payload)
print(e.args, str(e), repr(e), e.code is payload)
print("payload refs:", sys.getrefcount(payload) - before)
t = Two(1, 2, payload)
print(t.args, str(t), repr(t))
print("payload refs after Two:", sys.getrefcount(payload) - before)
p = Plain("x", payload)
print(p.args[0], len(p.args), sys.getrefcount(payload) - before)
try:
    raise Coded("boom", 3)
except Coded as caught:
    print(caught, caught.args, caught.code)
e.__init__("again", "and again")
print(e.args, str(e))
