# Checks: refcount of self inside methods, of instances passed between methods, and of class objects
# as instances are created (each instance holds a reference to its class).
import sys

class Account:
    def __init__(self, owner):
        self.owner = owner

    def selfcount(self):
        return sys.getrefcount(self)

    def via_other(self):
        return self.selfcount()

acct = Account("ann")
print(sys.getrefcount(acct))
print(acct.selfcount())
print(acct.via_other())
print(Account.selfcount(acct))
base = sys.getrefcount(Account)
more = [Account("b"), Account("c"), Account("d")]
print("class refs per instance:", sys.getrefcount(Account) - base)
more.pop()
print("after pop:", sys.getrefcount(Account) - base)
more = []
print("after clearing:", sys.getrefcount(Account) - base)
