# Records the pymalloc block size of 30 successive instances of a class with two attributes on 3.13
# (inline values: each new instance is sized from the class's shared keys). The size class is read
# from each block's pool header (pool_header.szidx, after four pointers and arenaindex).
# Run: PYENV_VERSION=3.13.0 python3 test/unit/alloc/record-inline-values.py
import ctypes
import json
import os
import sys

POOL_SIZE = 16 * 1024


def block_size(o):
    pool = id(o) & ~(POOL_SIZE - 1)
    return (ctypes.c_uint.from_address(pool + 36).value + 1) * 16


class R:
    def __init__(self):
        self.a = 1
        self.b = 2


keep = [R() for _ in range(30)]
out = {"version": sys.version.split()[0], "block_sizes": [block_size(r) for r in keep]}
path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fixtures", "inline-values-3.13.json")
with open(path, "w") as f:
    json.dump(out, f)
    f.write("\n")
print(path, out)
