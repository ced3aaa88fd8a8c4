# Checks: objects still alive when the script ends get __del__ at interpreter shutdown, and the order.
class N:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)

first = N("first")
second = N("second")
holder = [N("in list 1"), N("in list 2")]
print("end of script")
