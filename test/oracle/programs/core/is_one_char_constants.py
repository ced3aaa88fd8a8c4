# Checks: a 1-char str constant is the same object as the latin-1 singleton that indexing and chr()
# return, except for the characters whose heap copy the standard library interned first at start-up
# (constant interning then returns that copy): none on 3.10 and 3.13, some letters on 3.11 and 3.12.
consts = [
    'A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M', 'N', 'O', 'P', 'Q', 'R',
    'S', 'T', 'U', 'V', 'W', 'X', 'Y', 'Z', 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j',
    'k', 'l', 'm', 'n', 'o', 'p', 'q', 'r', 's', 't', 'u', 'v', 'w', 'x', 'y', 'z', '0', '1',
    '2', '3', '4', '5', '6', '7', '8', '9', '_', ' ', '+', '-', '*', '/', '.', ',', ':', ';',
    '!', '?', "'", '"', '(', ')', '[', ']', '{', '}', '<', '>', '=', '%', '#', '@', '$', '&',
    '|', '^', '~', '`', '\\',
]
print("".join(c for c in consts if c is not chr(ord(c))))
word = "hello world"
h = "h"
print(word[0] is h, word[6] is chr(119), word[0] is word[0:1])
print(sum(1 for c in consts if c is not c[0]))
