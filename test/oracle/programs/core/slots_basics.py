# Checks: __slots__: member descriptors on the class, get/set/delete through them, AttributeError for
# unset slots and unknown attributes (3.13's longer message), no __dict__ unless listed, inheritance,
# str/list/empty __slots__, class-variable clashes and invalid entries.
class P:
    __slots__ = ("y", "x")
    def __init__(self):
        self.x = 1
p = P()
print(p.x, hasattr(p, "__dict__"), hasattr(p, "y"), P.__slots__)
print(P.x, type(P.__dict__["y"]).__name__, [k for k in P.__dict__ if k in "xy"])
for action in ("get y", "set z", "get z", "del y", "del z"):
    try:
        if action == "get y": p.y
        elif action == "set z": p.z = 3
        elif action == "get z": p.z
        elif action == "del y": del p.y
        else: del p.z
    except AttributeError as e:
        print(action, "->", e)
p.y = "why"; print(p.y); del p.y; print(hasattr(p, "y"))
try:
    vars(p)
except TypeError as e:
    print(e)
class S(P):
    pass
s = S(); s.z = 3; print(s.x, s.z, vars(s))
class S2(P):
    __slots__ = "w"
s2 = S2(); s2.w = 4; print(s2.w, s2.x, hasattr(s2, "__dict__"), S2.__slots__)
class D:
    __slots__ = ["a", "__dict__"]
d = D(); d.a = 1; d.b = 2; print(d.a, d.__dict__)
class L:
    __slots__ = ()
print(hasattr(L(), "__dict__"), L.__slots__)
try:
    class Bad:
        __slots__ = ("x",)
        x = 0
except ValueError as e:
    print(e)
try:
    class Bad2:
        __slots__ = ("a b",)
except TypeError as e:
    print(e)
try:
    class Bad3(D):
        __slots__ = ("__dict__",)
except TypeError as e:
    print(e)
