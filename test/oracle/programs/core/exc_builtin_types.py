# Checks: type, str() and args of built-in exceptions raised by common operations.
def attempt(label, fn):
    try:
        fn()
        print(label, "no error")
    except Exception as e:
        print(label, type(e).__name__, "|", str(e), "|", e.args)

def set_item():
    t = (1, 2)
    t[0] = 5

attempt("tuple assign", set_item)
attempt("div", lambda: 1 / 0)
attempt("floordiv", lambda: 1 // 0)
attempt("mod", lambda: 5 % 0)
attempt("index", lambda: [1, 2][5])
attempt("key", lambda: {"a": 1}["b"])
attempt("int key", lambda: {}[3])
attempt("add", lambda: 1 + "a")
attempt("int()", lambda: int("xyz"))
attempt("float()", lambda: float("abc"))
attempt("unpack", lambda: [a for a, b in [(1, 2, 3)]])
attempt("call", lambda: len(5))
attempt("str index", lambda: "abc"[10])
attempt("list remove", lambda: [1].remove(2))
attempt("list index", lambda: [1, 2].index(3))
attempt("dict pop", lambda: {}.pop("k"))
attempt("next", lambda: next(iter([])))
attempt("neg shift", lambda: 1 << -1)
attempt("ok", lambda: 1)
