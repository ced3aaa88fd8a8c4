# Checks: `is` on ints: the small-int cache (-5..256) for computed values, big computed values differ,
# equal constants in one code object are shared.
n = 256
m = int("256")
print(n is m)
n = 257
m = int("257")
print(n is m, n == m)
k = -5
print(k is int("-5"))
k = -6
print(k is int("-6"))
x = 100 + 156
y = 250 + int("6")
print(x is y)
big1 = 1000
big2 = 1000
print(big1 is big2)
three_hundred = 300
s = 0
for i in range(300):
    s += 1
print(s is three_hundred, s == three_hundred)
two_hundred = 200
r = 0
for i in range(200):
    r += 1
print(r is two_hundred)
z = 2 ** 8
print(z is m - 1)

def f():
    return 1000

print(f() is f(), f() is big1)
