# Checks: getattr/setattr/hasattr on instances and classes, with defaults and errors.
class Cfg:
    mode = "fast"

c = Cfg()
print(getattr(c, "mode"), hasattr(c, "mode"), hasattr(c, "level"))
setattr(c, "level", 3)
print(c.level, getattr(c, "level"), hasattr(c, "level"))
print(getattr(c, "missing", None), getattr(Cfg, "mode"))
setattr(Cfg, "mode", "slow")
print(c.mode)
name = "dyn" + "amic"
setattr(c, name, [1])
print(c.dynamic, sorted(vars(c)))
try:
    getattr(c, "nothing")
except AttributeError as e:
    print("AttributeError:", e)
print(getattr([1, 2], "count")(1))
