# Checks: an uncaught AttributeError for a private name read outside its class: the attribute is
# stored mangled (_Account__balance), so `acct.__balance` fails, and the traceback's suggestion picks
# the closest name (the method `balance`); reads through the mangled name and inside the class work.
class Account:
    def __init__(self, balance):
        self.__balance = balance

    def balance(self):
        return self.__balance

acct = Account(10)
print(acct.balance(), acct._Account__balance, list(vars(acct)))
print(acct.__balance)
