# Checks: type(), isinstance with tuples and subclasses, type names, bool as int subclass.
class Animal:
    def speak(self):
        return "..."

class Dog(Animal):
    pass

d = Dog()
print(type(d).__name__, type(d) is Dog, type(d) is Animal)
print(isinstance(d, Animal), isinstance(d, (int, Dog)), isinstance(d, str))
print(isinstance(True, int), type(True) is int, type(1) is int)
print(type(1.0).__name__, type("").__name__, type([]).__name__, type({}).__name__)
print(type(()).__name__, type(set()).__name__, type(None).__name__, type(range(1)).__name__)
print(type(len).__name__, type(lambda: 0).__name__, type(Dog).__name__)
print(issubclass(Dog, Animal), issubclass(bool, int), issubclass(Animal, Dog))
print(isinstance(3, (float, str)), isinstance([], list), isinstance(Dog, type))
print(type(type(d)) is type, Dog.__name__, Dog.__bases__[0].__name__)
print(type(d.speak).__name__, type(Dog.speak).__name__, d.speak())
print(str(type(5)), repr(int), type(x for x in []).__name__)
