// What the packaged .vsix holds: its file list (read from the zip itself, the artifact users install)
// and the check that it carries everything the extension needs at run time and nothing else.
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface VsixEntry {
  path: string;
  size: number;
}

/** The files inside a .vsix (a zip), listed with Python's zipfile (python3 is on every machine here). */
export function vsixEntries(vsix: string): VsixEntry[] {
  const out = execFileSync('python3', ['-c', 'import sys, zipfile\nfor i in zipfile.ZipFile(sys.argv[1]).infolist(): print(i.file_size, i.filename)', vsix], {
    encoding: 'utf8',
  });
  return out.trim().split('\n').filter(Boolean).map((line) => {
    const sp = line.indexOf(' ');
    return { size: Number(line.slice(0, sp)), path: line.slice(sp + 1) };
  });
}

/**
 * Problems with the package: a run-time file missing (every bundle the manifest and esbuild.js name,
 * the manifest's translations, README, CHANGELOG, LICENSE, media), or something that should not ship
 * (sources, tests, source maps, node_modules).
 */
export function vsixProblems(root: string, entries: VsixEntry[]): string[] {
  const files = new Set(entries.map((e) => e.path.replace(/^extension\//, '')));
  const lower = new Set([...files].map((f) => f.toLowerCase()));
  const problems: string[] = [];
  const need = ['package.json', 'dist/extension.js', 'dist/worker.js', 'dist/webview.js'];
  if (existsSync(join(root, 'package.nls.json'))) need.push('package.nls.json');
  for (const f of need) if (!files.has(f)) problems.push(`${f} is missing (add "!${f}" to .vscodeignore)`);
  for (const f of ['readme.md', 'changelog.md']) if (!lower.has(f)) problems.push(`${f.toUpperCase().replace('.MD', '.md')} is missing`);
  if (!lower.has('license.txt') && !lower.has('license')) problems.push('LICENSE is missing');
  if (![...files].some((f) => f.startsWith('media/'))) problems.push('media/ is missing');
  const stray = [...files].filter((f) => /^(src|test|webview|scripts|node_modules|out|\.vscode-test)\//.test(f) || f.endsWith('.map') || f.endsWith('.ts'));
  if (stray.length) problems.push(`files that should not ship: ${stray.slice(0, 10).join(', ')}${stray.length > 10 ? ', ...' : ''}`);
  return problems;
}

export function describeVsix(vsix: string, entries: VsixEntry[]): string {
  const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
  const rows = entries.filter((e) => e.path.startsWith('extension/')).map((e) => `${e.path.slice('extension/'.length)} (${kib(e.size)})`);
  return `${vsix}: ${kib(statSync(vsix).size)} packed, ${rows.length} files: ${rows.join(', ')}`;
}
