# Checks: the order of try/except/else/finally blocks, including return inside try and finally.
def trace(flag):
    try:
        print("try")
        if flag:
            raise ValueError("x")
    except ValueError:
        print("except")
    else:
        print("else")
    finally:
        print("finally")
    print("after")

trace(False)
trace(True)

def ret_in_try():
    try:
        return "from try"
    finally:
        print("finally before return")

print(ret_in_try())

def finally_overrides():
    try:
        return 1
    finally:
        return 2

print(finally_overrides())

def loop_finally():
    for i in range(3):
        try:
            if i == 1:
                continue
            if i == 2:
                break
            print("body", i)
        finally:
            print("finally", i)

loop_finally()
