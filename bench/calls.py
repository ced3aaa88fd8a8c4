# Call-heavy: recursion and small functions with arguments, closures and keyword arguments.
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)

def make_adder(k):
    def add(x, y=0):
        return x + y + k
    return add

add3 = make_adder(3)
acc = 0
for i in range(20000):
    acc = add3(acc, y=1) % 1000
print(fib(20), acc)
