// Records the CPython facts the host's unit tests compare against (what `sys.getrefcount` prints for
// immortal objects, per version) by running the real interpreters through pyenv. Re-run with
// `node test/unit/host/record-cpython-facts.mjs`; it rewrites fixtures/cpython-facts.json.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const VERSIONS = { '3.10': '3.10.13', '3.11': '3.11.7', '3.12': '3.12.1', '3.13': '3.13.0' };
const PROGRAM = [
  'import sys, json',
  'x = None',
  'print(json.dumps({"getrefcount_None": sys.getrefcount(x), "getrefcount_small_int": sys.getrefcount(5),',
  '  "fresh_list_getrefcount": sys.getrefcount([]), "named_list_getrefcount": (lambda: (lambda l: sys.getrefcount(l))([]))()}))',
].join('\n');

const facts = {};
for (const [short, full] of Object.entries(VERSIONS)) {
  const out = execFileSync('python3', ['-c', PROGRAM], { env: { ...process.env, PYENV_VERSION: full }, encoding: 'utf8' });
  facts[short] = { interpreter: full, ...JSON.parse(out) };
}
const file = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'cpython-facts.json');
writeFileSync(file, JSON.stringify(facts, null, 2) + '\n');
console.log(`wrote ${file}`);
