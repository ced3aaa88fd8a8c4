# Checks: repr of strings that need quotes or escapes, and non-ASCII characters in repr and str.
samples = ["plain", "it's", 'say "x"', "both ' \"", "tab\t", "newline\n", "back\\slash",
           "\x00\x07\x1f", "\x7f", "caf\xe9", "\u20ac", "\U0001F600", "\r"]
for s in samples:
    print(repr(s), len(s))
print(str("caf\xe9"), "\u20ac5")
print(repr(["a'b", "c"]))
quoted = 'single \' and double " quotes'
print(repr(quoted), str(quoted))
print(repr("a\nb"), "a\\nb")
print([repr(c) for c in "a\tb"])
