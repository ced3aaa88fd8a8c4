# Lists over-allocate: when a list grows, CPython reserves room for more items than it needs,
# so most appends do not have to move the list. Watch the size jump only now and then.
import sys

items = []
print("empty list:", sys.getsizeof(items), "bytes")

last = sys.getsizeof(items)
for n in range(1, 30):
    items.append(n)
    size = sys.getsizeof(items)
    if size != last:
        # each pointer slot is 8 bytes on a 64-bit build
        print(f"len {len(items):2}: {size} bytes (room for {(size - 56) // 8} items)")
        last = size

# A list built in one go gets exactly the room it needs, no spare slots.
exact = [0] * 29
print("[0] * 29:", sys.getsizeof(exact), "bytes, same length:", len(exact) == len(items))

# Removing items shrinks the allocation only when it becomes much too big.
while len(items) > 5:
    items.pop()
print("after popping down to 5:", sys.getsizeof(items), "bytes")
