// The end-to-end run (`npm run test:e2e`, entered through run.mjs): build and package the .vsix,
// install it into code-server with a fresh user-data-dir and extensions-dir, start code-server on a
// free loopback port with a copy of examples/ plus the e2e fixtures, drive Debian's Chromium with
// playwright-core through the user stories, save screenshots to test-results/e2e/, copy the README
// ones to docs/screenshots/, stop everything (also on failure, timeout or Ctrl+C) and print
// "e2e: N passed, N failed". Then the extension-host mocha suite of test/vscode/ runs inside
// code-server too (lib/suite.ts). Options: --no-package (reuse the last .vsix), --only=story,story,
// --stories-only, --suite-only, --update-screenshots (copy the README screenshots of passing stories
// to docs/screenshots/).
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import {
  assertInstalled, codeServerPaths, extensionHostLog, installExtension, listExtensions, startCodeServer, writeUserSettings, type CodeServerPaths,
} from './lib/codeserver';
import { Cleanups, run } from './lib/proc';
import { runVscodeSuite } from './lib/suite';
import { describeVsix, vsixEntries, vsixProblems } from './lib/vsix';
import { makeShooter, report, runStory, type E2EContext, type Manifest, type Story, type StoryResult } from './lib/story';
import { waitForWorkbench } from './lib/workbench';
import { activation, codeLens, edit, hover, version } from './stories/editor';
import { gc, lensClick, panel, scrub } from './stories/panel';

/** In the order they run: later stories rely on nothing but the workbench being open. */
export const STORIES: Story[] = [activation, hover, codeLens, lensClick, panel, scrub, gc, version, edit];

const CHROMIUM = process.env.E2E_CHROMIUM ?? '/usr/bin/chromium';
const TOTAL_TIMEOUT_MS = Number(process.env.E2E_TIMEOUT_MS ?? 15 * 60_000);
const STORY_TIMEOUT_MS = 120_000;
const SUITE_TIMEOUT_MS = Number(process.env.E2E_SUITE_TIMEOUT_MS ?? 8 * 60_000);
const START_VERSION = '3.12';

function log(msg: string): void {
  console.log(`[e2e] ${msg}`);
}

function mib(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(2)} MiB`;
}

/** Builds the production bundles and packages them with vsce; returns the .vsix path. */
async function packageVsix(root: string, out: string): Promise<void> {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
  rmSync(out, { force: true });
  if (pkg.scripts?.package) {
    await run('npm', ['run', '--silent', 'package', '--', '--out', out], { cwd: root, timeoutMs: 300_000, quiet: true });
  } else {
    log('package.json has no "package" script yet: building and running vsce directly');
    await run('node', ['esbuild.js', '--production'], { cwd: root, timeoutMs: 300_000, quiet: true });
    await run('npx', ['vsce', 'package', '--no-dependencies', '--no-rewrite-relative-links', '--out', out], { cwd: root, timeoutMs: 300_000, quiet: true });
  }
  if (!existsSync(out)) throw new Error(`packaging produced no ${out}`);
}

/** The package check as a result line: size and contents logged, problems make it fail. */
function checkPackage(root: string, vsix: string, ms: number): StoryResult {
  const entries = vsixEntries(vsix);
  log(`packaged ${describeVsix(vsix, entries)}`);
  const problems = vsixProblems(root, entries);
  return { name: `package (${mib(statSync(vsix).size)})`, outcome: problems.length ? 'failed' : 'passed', ms, message: problems.join('; ') || undefined };
}

interface Options {
  pack: boolean;
  only: Set<string> | null;
  stories: boolean;
  suite: boolean;
  updateShots: boolean;
}

function parseArgs(argv: string[]): Options {
  const only = argv.find((a) => a.startsWith('--only='));
  return {
    pack: !argv.includes('--no-package'),
    only: only ? new Set(only.slice(7).split(',')) : null,
    stories: !argv.includes('--suite-only'),
    suite: !argv.includes('--stories-only') && !only,
    updateShots: argv.includes('--update-screenshots'),
  };
}

const BROWSER_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export async function main(root: string, argv: string[]): Promise<number> {
  const t0 = Date.now();
  const opts = parseArgs(argv);
  const paths = codeServerPaths(root);
  const results: StoryResult[] = [];
  const shotsDir = join(root, 'test-results', 'e2e');
  const cleanups = new Cleanups();
  const stop = async (why: string, code: number): Promise<never> => {
    log(why);
    await cleanups.runAll();
    process.exit(code);
  };
  const deadline = setTimeout(() => void stop(`the whole run exceeded ${TOTAL_TIMEOUT_MS / 1000} s: stopping`, 1), TOTAL_TIMEOUT_MS);
  process.once('SIGINT', () => void stop('interrupted', 130));
  process.once('SIGTERM', () => void stop('terminated', 143));

  try {
    assertInstalled(paths);
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run bash test/e2e/setup.sh first`);
    const manifest = readManifest(root);
    const vsix = join(paths.cache, `${manifest.name}.vsix`);
    if (opts.pack) await packageVsix(root, vsix);
    else if (!existsSync(vsix)) throw new Error(`--no-package: ${vsix} does not exist yet`);
    const tPack = Date.now();
    results.push(checkPackage(root, vsix, tPack - t0));

    rmSync(shotsDir, { recursive: true, force: true });
    mkdirSync(shotsDir, { recursive: true });
    let browser: Browser | null = null;
    const getBrowser = async (): Promise<Browser> => {
      if (!browser) {
        // Our own signal handlers stop code-server too: Playwright's would exit before they run.
        browser = await chromium.launch({ executablePath: CHROMIUM, args: BROWSER_ARGS, timeout: 60_000, handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false });
        const b = browser;
        cleanups.add('chromium', () => b.close());
      }
      return browser;
    };
    if (opts.stories) results.push(...(await runStories(root, paths, vsix, manifest, getBrowser, cleanups, opts)));
    if (opts.suite) {
      results.push(...(await runVscodeSuite({ root, vsix, browser: getBrowser, cleanups, logDir: shotsDir, timeoutMs: SUITE_TIMEOUT_MS, log })));
    }
    log(`package ${((tPack - t0) / 1000).toFixed(0)} s, everything ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  } catch (e) {
    results.push({ name: 'setup', outcome: 'failed', ms: Date.now() - t0, message: e instanceof Error ? e.message : String(e) });
  } finally {
    clearTimeout(deadline);
    await cleanups.runAll();
  }
  const text = report(results);
  mkdirSync(shotsDir, { recursive: true });
  writeFileSync(join(shotsDir, 'report.txt'), text + '\n');
  console.log(`[e2e] results after ${((Date.now() - t0) / 1000).toFixed(0)} s (screenshots and logs in test-results/e2e/):`);
  console.log(text);
  return results.length > 0 && results.every((r) => r.outcome === 'passed') ? 0 : 1;
}

/** package.json with its `%key%` strings replaced from package.nls.json, as VS Code shows them. */
function readManifest(root: string): Manifest & { version: string } {
  const nlsFile = join(root, 'package.nls.json');
  const nls = existsSync(nlsFile) ? (JSON.parse(readFileSync(nlsFile, 'utf8')) as Record<string, string>) : {};
  const text = readFileSync(join(root, 'package.json'), 'utf8').replace(/"%([^%"]+)%"/g, (m, key: string) => (key in nls ? JSON.stringify(nls[key]) : m));
  return JSON.parse(text) as Manifest & { version: string };
}

async function runStories(
  root: string, paths: CodeServerPaths, vsix: string, manifest: Manifest & { version: string },
  getBrowser: () => Promise<Browser>, cleanups: Cleanups, opts: Options,
): Promise<StoryResult[]> {
  const results: StoryResult[] = [];
  const shotsDir = join(root, 'test-results', 'e2e');
  const extensionId = `${manifest.publisher}.${manifest.name}`;
  rmSync(paths.runDir, { recursive: true, force: true });
  mkdirSync(paths.runDir, { recursive: true });
  writeUserSettings(paths, { 'pythonMemoryLens.pythonVersion': START_VERSION, 'pythonMemoryLens.debounceMs': 200 });
  const workspace = join(paths.runDir, 'workspace');
  mkdirSync(workspace, { recursive: true });
  if (existsSync(join(root, 'examples'))) cpSync(join(root, 'examples'), workspace, { recursive: true });
  cpSync(join(root, 'test', 'e2e', 'workspace'), workspace, { recursive: true });

  log(await installExtension(paths, vsix));
  const installed = await listExtensions(paths);
  if (!installed.some((e) => e.toLowerCase() === `${extensionId}@${manifest.version}`.toLowerCase())) {
    throw new Error(`code-server lists ${JSON.stringify(installed)}, not ${extensionId}@${manifest.version}`);
  }

  const server = await startCodeServer(paths, workspace);
  cleanups.add('code-server', async () => {
    mkdirSync(shotsDir, { recursive: true });
    writeFileSync(join(shotsDir, 'code-server.log'), server.output());
    writeFileSync(join(shotsDir, 'exthost.log'), extensionHostLog(paths));
    await server.stop();
  });
  log(`code-server ${server.url} (pid ${server.child.pid})`);

  const browser = await getBrowser();
  const context = await browser.newContext({ viewport: { width: 1600, height: 960 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  const shot = makeShooter(page, shotsDir);
  const t0 = Date.now();
  await waitForWorkbench(page, `${server.url}/?folder=${encodeURIComponent(workspace)}`);
  log(`workbench ready in ${((Date.now() - t0) / 1000).toFixed(0)} s`);

  const exthostLog = () => extensionHostLog(paths);
  const ctx: E2EContext = { page, paths, workspace, manifest, extensionId, version: START_VERSION, shotsDir, exthostLog, shot, log };
  for (const story of STORIES) {
    if (opts.only && !opts.only.has(story.name)) continue;
    const r = await runStory(story, ctx, STORY_TIMEOUT_MS);
    results.push(r);
    log(`${r.outcome.toUpperCase()} ${story.name} (${(r.ms / 1000).toFixed(1)} s)${r.message ? ': ' + r.message : ''}`);
    if (r.outcome === 'passed' && opts.updateShots) copyReadmeShots(root, shotsDir, story);
  }
  await context.close();
  return results;
}

function copyReadmeShots(root: string, shotsDir: string, story: Story): void {
  const dir = join(root, 'docs', 'screenshots');
  for (const [shot, name] of Object.entries(story.readmeShots ?? {})) {
    const from = join(shotsDir, `${shot}.png`);
    if (!existsSync(from)) continue;
    mkdirSync(dir, { recursive: true });
    copyFileSync(from, join(dir, `e2e-${name}.png`));
  }
}
