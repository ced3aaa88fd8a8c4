# Checks: printf-style % formatting of ints, floats, strings, reprs, widths and tuples.
print("%d items" % 5)
print("%5d|%-5d|%05d|%+d" % (42, 42, 42, 42))
print("%.2f|%8.3f|%-8.1f|%e|%g" % (3.14159, 2.5, 1.25, 12345.678, 0.0001))
print("%s and %r" % ("str", "str"))
print("%x %X %o %%" % (255, 255, 8))
print("%s" % [1, 2], "%s" % ((1, 2),))
print("%(name)s is %(age)d" % {"name": "Ann", "age": 30})
print("%c%c" % (72, "i"))
print("%10s|%-10s|" % ("right", "left"))
print("%.3s" % "abcdef")
try:
    print("%d %d" % (1,))
except TypeError as e:
    print("TypeError:", e)
