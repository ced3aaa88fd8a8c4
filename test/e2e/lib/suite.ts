// The extension-host mocha suite of test/vscode/ run inside code-server: the same suite that
// `npm run test:vscode` runs in a downloaded VS Code with @vscode/test-electron. A small test-runner
// extension (test/e2e/runner-extension/) installed next to our .vsix loads out/test/vscode/index.js
// when code-server's environment names it; Chromium only opens the workbench so that code-server
// starts an extension host. Each mocha test becomes one result line.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, ConsoleMessage } from 'playwright-core';
import { codeServerPaths, installExtension, startCodeServer, writeUserSettings } from './codeserver';
import { delay, run, type Cleanups } from './proc';
import type { StoryResult } from './story';

interface SuiteRecord {
  title: string;
  state: 'passed' | 'failed' | 'pending';
  durationMs?: number;
  error?: string;
}

export interface SuiteOptions {
  root: string;
  vsix: string;
  browser: () => Promise<Browser>;
  cleanups: Cleanups;
  logDir: string;
  timeoutMs: number;
  log: (msg: string) => void;
}

async function packageRunner(root: string, out: string): Promise<void> {
  await run('npx', ['vsce', 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--out', out], {
    cwd: join(root, 'test', 'e2e', 'runner-extension'),
    timeoutMs: 120_000,
    quiet: true,
  });
}

/** A console message as DevTools prints it: printf-style %s/%d/%o filled in, %c styles dropped. */
async function formatConsole(m: ConsoleMessage): Promise<string> {
  const args = await Promise.all(m.args().map((a) => a.jsonValue().catch(() => undefined)));
  if (typeof args[0] !== 'string') return m.text();
  let rest = args.slice(1);
  const text = args[0].replace(/%[csdioOf]/g, (spec) => {
    const v = rest[0];
    rest = rest.slice(1);
    return spec === '%c' ? '' : typeof v === 'string' ? v : JSON.stringify(v);
  });
  return [text, ...rest.map((v) => (typeof v === 'string' ? v : JSON.stringify(v)))].join(' ');
}

export async function runVscodeSuite(o: SuiteOptions): Promise<StoryResult[]> {
  const t0 = Date.now();
  const fail = (message: string): StoryResult[] => [{ name: 'vscode-suite', outcome: 'failed', ms: Date.now() - t0, message }];
  if (!existsSync(join(o.root, 'test', 'vscode', 'build.mjs'))) {
    return [{ name: 'vscode-suite', outcome: 'missing', ms: 0, message: 'missing feature: test/vscode/build.mjs (the extension-host suite) does not exist' }];
  }
  await run('node', ['test/vscode/build.mjs'], { cwd: o.root, timeoutMs: 120_000, quiet: true });
  const entry = join(o.root, 'out', 'test', 'vscode', 'index.js');
  if (!existsSync(entry)) return fail(`test/vscode/build.mjs produced no ${entry}`);

  const p = codeServerPaths(o.root, 'e2e-suite');
  rmSync(p.runDir, { recursive: true, force: true });
  mkdirSync(p.runDir, { recursive: true });
  writeUserSettings(p);
  const runnerVsix = join(p.cache, 'pml-test-runner.vsix');
  await packageRunner(o.root, runnerVsix);
  await installExtension(p, o.vsix);
  await installExtension(p, runnerVsix);

  const done = join(p.runDir, 'done.json');
  const results = join(p.runDir, 'results.json');
  const workspace = join(o.root, 'test', 'vscode', 'workspace');
  const server = await startCodeServer(p, workspace, {
    PML_RUNNER_TESTS: entry,
    PML_RUNNER_DONE: done,
    PML_VSCODE_TEST_RESULTS: results,
  });
  const consoleLines: string[] = [];
  o.cleanups.add('code-server (suite)', async () => {
    mkdirSync(o.logDir, { recursive: true });
    writeFileSync(join(o.logDir, 'vscode-suite-console.log'), consoleLines.join('\n'));
    writeFileSync(join(o.logDir, 'vscode-suite-code-server.log'), server.output());
    await server.stop();
  });
  const browser = await o.browser();
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.on('console', (m) => void formatConsole(m).then((t) => consoleLines.push(t)));
  await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}`, { waitUntil: 'domcontentloaded', timeout: 60_000 });
  o.log(`vscode suite: running ${entry} in code-server ${server.url}`);

  while (!existsSync(done)) {
    if (Date.now() - t0 > o.timeoutMs) {
      await page.screenshot({ path: join(o.logDir, 'failed-vscode-suite.png') }).catch(() => undefined);
      await page.close().catch(() => undefined);
      return fail(`the suite did not finish within ${o.timeoutMs / 1000} s (is the runner extension activated? see vscode-suite-console.log)`);
    }
    await delay(1000);
  }
  await page.close().catch(() => undefined);
  const outcome = JSON.parse(readFileSync(done, 'utf8')) as { ok: boolean; error?: string; ms: number };
  if (!existsSync(results)) return fail(`the suite wrote no results: ${outcome.error ?? 'no error reported'}`);
  const recs = (JSON.parse(readFileSync(results, 'utf8')) as { tests: SuiteRecord[] }).tests;
  if (recs.length === 0) return fail(`the suite ran no test: ${outcome.error ?? ''}`);
  return recs.map((r) => ({
    name: `vscode-suite: ${r.title}`,
    outcome: r.state === 'passed' ? 'passed' : 'failed',
    ms: r.durationMs ?? 0,
    message: r.state === 'pending' ? 'skipped (pending)' : r.error,
  }));
}
