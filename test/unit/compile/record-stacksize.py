# Records CPython's co_stacksize of every function in fixtures/stacksize-corpus.py for 3.11-3.13
# (run: python3 test/unit/compile/record-stacksize.py; needs pyenv 3.11.7, 3.12.1, 3.13.0; `pyenv exec`
# because a pyenv-launched python puts its own bin first on PATH).
import json, os, subprocess
here = os.path.dirname(os.path.abspath(__file__))
corpus = os.path.join(here, 'fixtures', 'stacksize-corpus.py')
probe = '''
import sys, types, json
co = compile(open(sys.argv[1]).read(), 'corpus.py', 'exec')
out = {}
def walk(c):
    for k in c.co_consts:
        if isinstance(k, types.CodeType):
            out[f"{k.co_firstlineno} {k.co_name}"] = k.co_stacksize
            walk(k)
walk(co)
print(json.dumps(out))
'''
result = {}
for short, full in (('3.11', '3.11.7'), ('3.12', '3.12.1'), ('3.13', '3.13.0')):
    env = {k: v for k, v in os.environ.items() if not k.startswith('PYTHON')}
    env['PYENV_VERSION'] = full
    out = subprocess.run(['pyenv', 'exec', 'python3', '-c', probe, corpus], env=env, capture_output=True, text=True, check=True).stdout
    result[short] = json.loads(out)
with open(os.path.join(here, 'fixtures', 'stacksize-cpython.json'), 'w') as f:
    json.dump(result, f, indent=1, sort_keys=True)
    f.write('\n')
