# Checks: gen-0 count deltas of single calls to builtins: the argument tuple (and keyword dict) CPython
# builds for types without vectorcall, METH_VARARGS functions and methods, print's *args (3.11+).
import gc
import weakref

print("gen-0 count deltas:")
gc.disable()
class A:
    pass
x = A()
def f():
    pass
out = []
gc.collect(); a = gc.get_count()[0]; r = enumerate(()); out.append(("enumerate", gc.get_count()[0] - a))
gc.collect(); a = gc.get_count()[0]; r = enumerate((), 1); out.append(("enumerate start", gc.get_count()[0] - a))
gc.collect(); a = gc.get_count()[0]; r = super(A, A); out.append(("super", gc.get_count()[0] - a))
gc.collect(); a = gc.get_count()[0]; r = type(x); out.append(("type(x)", gc.get_count()[0] - a))
gc.collect(); a = gc.get_count()[0]; r = str(1); out.append(("str", gc.get_count()[0] - a))
gc.collect(); a = gc.get_count()[0]; r = slice(1, 2); out.append(("slice", gc.get_count()[0] - a))
gc.collect(); a = gc.get_count()[0]; r = property(f); out.append(("property", gc.get_count()[0] - a))
gc.collect(); a = gc.get_count()[0]; r = weakref.ref(x); out.append(("weakref.ref", gc.get_count()[0] - a))
gc.collect(); a = gc.get_count()[0]; r = range(3); out.append(("range", gc.get_count()[0] - a))
gc.collect(); a = gc.get_count()[0]; r = reversed([]); out.append(("reversed", gc.get_count()[0] - a))
gc.collect(); a = gc.get_count()[0]; r = min(1, 2); out.append(("min", gc.get_count()[0] - a))
gc.collect(); a = gc.get_count()[0]; r = max(1, 2); out.append(("max", gc.get_count()[0] - a))
gc.collect(); a = gc.get_count()[0]; r = max([1, 2]); out.append(("max list", gc.get_count()[0] - a))
gc.collect(); a = gc.get_count()[0]; r = len(()); out.append(("len", gc.get_count()[0] - a))
gc.collect(); a = gc.get_count()[0]; r = '{}'.format(1); out.append(("str.format", gc.get_count()[0] - a))
gc.collect(); a = gc.get_count()[0]; r = '{a}'.format(a=1); out.append(("str.format kw", gc.get_count()[0] - a))
gc.collect(); a = gc.get_count()[0]; r = 'ab'.startswith('a'); out.append(("str.startswith", gc.get_count()[0] - a))
gc.collect(); a = gc.get_count()[0]; r = 'ab'.find('b'); out.append(("str.find", gc.get_count()[0] - a))
gc.collect(); a = gc.get_count()[0]; r = 'ab'.replace('a', 'c'); out.append(("str.replace", gc.get_count()[0] - a))
gc.collect(); a = gc.get_count()[0]; print('', end=''); out.append(("print end", gc.get_count()[0] - a))
gc.collect(); a = gc.get_count()[0]; print('', end=''); out.append(("print end again", gc.get_count()[0] - a))
gc.collect(); a = gc.get_count()[0]; print('a', 'b'); out.append(("print two", gc.get_count()[0] - a))
gc.collect(); a = gc.get_count()[0]; print(); out.append(("print()", gc.get_count()[0] - a))
for k, v in out:
    print(k, v)
