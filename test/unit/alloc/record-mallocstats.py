# Records pymalloc's geometry from the real interpreters into fixtures/mallocstats.json (run with any
# python3: `python3 test/unit/alloc/record-mallocstats.py`). For each version it runs
# sys._debugmallocstats() under pyenv and keeps: arena size, pool size, bytes lost to arena alignment
# per arena, and blocks per pool of every size class in use. Never edit the JSON by hand.
import json, os, re, subprocess, sys

VERSIONS = {"3.10": "3.10.13", "3.11": "3.11.7", "3.12": "3.12.1", "3.13": "3.13.0"}
out = {}
for short, full in VERSIONS.items():
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env["PYENV_VERSION"] = full
    text = subprocess.run(["python3", "-c", "import sys; sys._debugmallocstats()"], env=env,
                          capture_output=True, text=True, check=True).stderr
    arenas, arena_size = map(int, re.search(r"^(\d+) arenas \* (\d+) bytes/arena", text, re.M).groups())
    pool_size = int(re.search(r"unused pools \* (\d+) bytes", text).group(1))
    lost = int(re.search(r"# bytes lost to arena alignment\s+=\s+([\d,]+)", text).group(1).replace(",", ""))
    blocks = {}
    for m in re.finditer(r"^\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*$", text, re.M):
        cls, size, pools, used, avail = map(int, m.groups())
        if pools:
            blocks[str(cls)] = (used + avail) // pools
    out[short] = {"arenaSize": arena_size, "poolSize": pool_size, "alignmentLossPerArena": lost // arenas,
                  "blocksPerPool": blocks}
path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fixtures", "mallocstats.json")
with open(path, "w") as f:
    json.dump(out, f, indent=1, sort_keys=True)
    f.write("\n")
print("wrote", path, file=sys.stderr)
