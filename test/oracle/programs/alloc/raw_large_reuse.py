# Checks: objects above 512 bytes come from the system allocator: a freed large string's memory is
# taken by the next string of the same size, and small objects never land in it.
class Small:
    __slots__ = ('v',)
    def __init__(self, v):
        self.v = v

def main():
    k = 2
    big = "x" * (1000 * k)
    old = id(big)
    del big
    small = Small(1)
    print("small object elsewhere:", id(small) == old)
    again = "y" * (1000 * k)
    print("same size string reuses:", id(again) == old)
    print(len(again), again[:3])

main()
