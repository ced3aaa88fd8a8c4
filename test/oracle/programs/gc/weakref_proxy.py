# Checks: weakref.proxy forwards attribute access and method calls, and raises ReferenceError
# once the referent is gone.
import gc
import weakref

gc.disable()

class Account:
    def __init__(self):
        self.balance = 10

    def deposit(self, n):
        self.balance += n
        return self.balance

acct = Account()
p = weakref.proxy(acct)
print(p.balance, p.deposit(5), acct.balance)
p.balance = 100
print(acct.balance)
del acct
try:
    p.balance
except ReferenceError as e:
    print("ReferenceError:", e)
