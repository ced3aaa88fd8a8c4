// Builds every bundle of the product: the pymem CLI, the VS Code extension host, its simulation
// worker and the memory panel's webview script. `node esbuild.js [--watch] [--production]`.
const esbuild = require('esbuild');
const fs = require('fs');
const path = require('path');

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

/** @type {import('esbuild').BuildOptions[]} */
const targets = [
  { entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', platform: 'node', format: 'cjs' },
  { entryPoints: ['src/host/extension.ts'], outfile: 'dist/extension.js', platform: 'node', format: 'cjs', external: ['vscode'] },
  { entryPoints: ['src/host/worker.ts'], outfile: 'dist/worker.js', platform: 'node', format: 'cjs' },
  { entryPoints: ['webview/main.ts'], outfile: 'dist/webview.js', platform: 'browser', format: 'iife' },
].filter((t) => fs.existsSync(path.join(__dirname, t.entryPoints[0])));

async function main() {
  const common = { bundle: true, sourcemap: !production, minify: production, target: 'es2022', logLevel: 'warning' };
  if (watch) {
    for (const t of targets) {
      const ctx = await esbuild.context({ ...common, ...t });
      await ctx.watch();
    }
    console.log('[esbuild] watching', targets.map((t) => t.outfile).join(', '));
    return;
  }
  await Promise.all(targets.map((t) => esbuild.build({ ...common, ...t })));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
