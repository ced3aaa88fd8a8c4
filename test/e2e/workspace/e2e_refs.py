# End-to-end fixture: two names share one list; a dict whose size differs between CPython versions.
items = [1, 2, 3]
alias = items
config = {"mode": "fast"}
count = len(items)
