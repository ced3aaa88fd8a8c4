# Checks: storing a bound method on its own instance creates a cycle (instance -> method -> instance).
import gc
import sys

gc.disable()
gc.collect()

class Button:
    def __init__(self):
        self.callback = self.on_click

    def on_click(self):
        return "clicked"

    def __del__(self):
        print("Button freed")

b = Button()
print(b.callback(), sys.getrefcount(b))
del b
print("still alive after del")
print("collected:", gc.collect())
b2 = Button()
b2.callback = None
print("cycle broken by hand")
del b2
print("collected:", gc.collect())
