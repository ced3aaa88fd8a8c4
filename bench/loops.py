# Loop-heavy: arithmetic on ints in nested loops (most ints are small and cached).
total = 0
for i in range(300):
    for j in range(300):
        total += (i * j) % 7
print(total)
