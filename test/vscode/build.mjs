// Bundles the integration suite (test/vscode/*.ts) into out/test/vscode/*.js for the extension host:
// each entry bundled on its own (CommonJS, Node), `vscode` and `mocha` left external.
import { build } from 'esbuild';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const entries = readdirSync(here)
  .filter((f) => f === 'index.ts' || f.endsWith('.test.ts'))
  .map((f) => join(here, f));

await build({
  entryPoints: entries,
  outdir: join(root, 'out', 'test', 'vscode'),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'es2022',
  sourcemap: true,
  external: ['vscode', 'mocha'],
  logLevel: 'warning',
});
console.log(`built ${entries.length} integration test bundle(s) into out/test/vscode`);
