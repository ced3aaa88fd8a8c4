# Checks: id() reuse for tuples, dicts and sets freed just before an object of the same kind and size
# is created, and no reuse between tuples of different lengths.
def main():
    k = 4
    t = (k, k + 1)
    old = id(t)
    del t
    u = (k + 2, k + 3)
    print("2-tuple after 2-tuple:", id(u) == old)
    one = (k,)
    one_id = id(one)
    del one
    two = (k, k)
    print("2-tuple after 1-tuple:", id(two) == one_id)
    d = {"a": k}
    did = id(d)
    del d
    e = {"b": k, "c": k}
    print("dict after dict:", id(e) == did)
    s = {k}
    sid = id(s)
    del s
    s2 = {k + 1, k + 2}
    print("set after set:", id(s2) == sid)
    print(u, two, sorted(e), sorted(s2))

main()
