# Checks: a user container with __len__, __getitem__, __iter__, __contains__ and __bool__ via len.
class Deck:
    def __init__(self, cards):
        self.cards = list(cards)

    def __len__(self):
        return len(self.cards)

    def __getitem__(self, index):
        return self.cards[index]

    def __iter__(self):
        print("iter called")
        return iter(self.cards)

    def __contains__(self, card):
        print("contains", card)
        return card in self.cards

d = Deck(["A", "K", "Q"])
print(len(d), d[0], d[-1], d[1:])
print("K" in d, "J" in d)
for c in d:
    print(c)
print(list(d), sorted(d))
print(bool(d), bool(Deck([])))
class Seq:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError(i)
        return i * 10
print(list(Seq()), 20 in Seq())
