# Checks: f-strings with conversions and format specs: width, alignment, precision, grouping,
# sign, bases, exponent, percent, nested specs and the = specifier.
x = 3.14159
n = 1234567
s = "py"
print(f"{x}|{x:.2f}|{x:10.3f}|{x:<10.1f}|{x:^10.2f}|{x:+.1f}|{x:e}|{x:.2e}|{x:g}")
print(f"{n:,}|{n:_}|{n:>12,}|{n:012d}|{-n:+d}|{n:x}|{n:X}|{n:o}|{n:b}|{n:#x}|{255:#010b}")
print(f"{s!r}|{s:>5}|{s:*^8}|{s:<4}|")
print(f"{0.25:%}|{0.25:.1%}|{1e20:f}|{1e-7:g}|{123.456:.0f}|{2.5:.0f}|{3.5:.0f}")
w = 8
p = 3
print(f"[{x:{w}.{p}f}]")
print(f"{n=}", f"{s=!s}", f"{x = :.1f}")
items = [1, 2]
print(f"{items} {items[0] + items[1]} {len(items)} {'yes' if items else 'no'}")
print(f"{{literal}} {n:>{w}}")
print(f"{True} {None} {[1, 'a']!s} {(1,)!r}")
print(f"{-0.0}", f"{1e16}", f"{12:5}", f"{'a':5}|")
