values = {"a": 1}
print(values["a"])
print(values["missing"])
