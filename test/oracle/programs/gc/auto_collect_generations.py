# Checks: with small thresholds, automatic collections of older generations happen after
# threshold[1] young collections; counts per generation observed through gc.callbacks.
import gc

gc.disable()
gc.collect()
log = []

def cb(phase, info):
    if phase == "stop":
        log.append(info["generation"])

gc.set_threshold(20, 3, 2)
gc.callbacks.append(cb)
gc.enable()
data = []
for i in range(400):
    data.append({"i": i})
gc.disable()
gc.callbacks.remove(cb)
print(len(log), log.count(0), log.count(1), log.count(2))
print(log[:12])
