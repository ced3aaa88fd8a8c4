# Checks: __eq__ and __lt__ used by ==, !=, <, >, sorted, min, max and `in`.
class Version:
    def __init__(self, major, minor):
        self.major = major
        self.minor = minor

    def __eq__(self, other):
        return (self.major, self.minor) == (other.major, other.minor)

    def __lt__(self, other):
        return (self.major, self.minor) < (other.major, other.minor)

    def __repr__(self):
        return "v" + str(self.major) + "." + str(self.minor)

vs = [Version(3, 10), Version(3, 9), Version(2, 7), Version(3, 12)]
print(sorted(vs), min(vs), max(vs))
print(Version(1, 0) == Version(1, 0), Version(1, 0) != Version(1, 1))
print(Version(1, 0) < Version(1, 1), Version(2, 0) > Version(1, 5))
print(Version(2, 7) in vs, vs.index(Version(3, 12)), vs.count(Version(3, 9)))
a = Version(1, 1)
print(a == a, a is a)
try:
    Version(1, 0) <= Version(1, 0)
except TypeError as e:
    print("TypeError:", e)
