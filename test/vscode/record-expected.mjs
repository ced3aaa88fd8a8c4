// Records what real CPython prints for the integration suite's workspace files (stdout and exit
// status per version), so the suite compares the extension's numbers with CPython's own. Re-run with
// `node test/vscode/record-expected.mjs`; it rewrites test/vscode/workspace/expected.json.
import { spawnSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const VERSIONS = { '3.10': '3.10.13', '3.11': '3.11.7', '3.12': '3.12.1', '3.13': '3.13.0' };
const dir = join(dirname(fileURLToPath(import.meta.url)), 'workspace');
const out = {};
for (const file of readdirSync(dir).filter((f) => f.endsWith('.py') && f !== 'forever.py').sort()) {
  out[file] = {};
  for (const [short, full] of Object.entries(VERSIONS)) {
    const r = spawnSync('python3', [file], { cwd: dir, env: { ...process.env, PYENV_VERSION: full }, encoding: 'utf8', timeout: 20000 });
    const lastErr = r.stderr.trim().split('\n').pop() ?? '';
    out[file][short] = { interpreter: full, stdout: r.stdout, exitCode: r.status, lastStderrLine: lastErr };
  }
}
const target = join(dir, 'expected.json');
writeFileSync(target, JSON.stringify(out, null, 2) + '\n');
console.log(`wrote ${target}`);
