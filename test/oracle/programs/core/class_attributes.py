# Checks: class attributes vs instance attributes: lookup, shadowing, shared mutable class attrs.
class Counter:
    total = 0
    shared_list = []

    def __init__(self):
        Counter.total += 1
        self.own = []

a = Counter()
b = Counter()
print(Counter.total, a.total, b.total)
a.total = 100
print(Counter.total, a.total, b.total)
del a.total
print(a.total)
a.shared_list.append("from a")
print(b.shared_list, Counter.shared_list is b.shared_list)
a.own.append(1)
print(a.own, b.own)
print(sorted(vars(a)), "total" in vars(Counter))
Counter.new_attr = "added later"
print(b.new_attr)
b.__dict__["direct"] = 5
print(b.direct)
