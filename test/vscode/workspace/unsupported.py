items = [1, 2, 3]
total = sum(items)
match total:
    case 6:
        print("six")
print("after")
