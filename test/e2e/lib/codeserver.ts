// code-server (VS Code's server and web workbench) as the end-to-end tests use it: installed by
// test/e2e/setup.sh into .vscode-test/, run with Node 24, a fresh user-data-dir and extensions-dir per
// run, our .vsix installed into it, listening on a free loopback port. Also reads the extension host
// logs it writes.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { delay, freePort, run, stopGroup } from './proc';

export interface CodeServerPaths {
  cache: string;
  node24: string;
  entry: string;
  runDir: string;
  userData: string;
  extensions: string;
}

/** Paths of one run; `run` names its folder under .vscode-test/ (each run starts from an empty one). */
export function codeServerPaths(root: string, run = 'e2e-run'): CodeServerPaths {
  const cache = join(root, '.vscode-test');
  const runDir = join(cache, run);
  return {
    cache,
    node24: join(cache, 'node24', 'node_modules', '.bin', 'node'),
    entry: join(cache, 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
    runDir,
    userData: join(runDir, 'user-data'),
    extensions: join(runDir, 'extensions'),
  };
}

export function assertInstalled(p: CodeServerPaths): void {
  for (const f of [p.node24, p.entry]) {
    if (!existsSync(f)) throw new Error(`${f} is missing: run bash test/e2e/setup.sh first`);
  }
}

/** Environment that keeps code-server's config and data inside the run folder, not in $HOME. */
function env(p: CodeServerPaths, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    ...extra,
    XDG_CONFIG_HOME: join(p.runDir, 'xdg-config'),
    XDG_DATA_HOME: join(p.runDir, 'xdg-data'),
    XDG_CACHE_HOME: join(p.runDir, 'xdg-cache'),
    VSCODE_CLI_DISABLE_KEYCHAIN_ENCRYPT: '1',
    // No extension gallery: nothing is fetched from the network (code-server reads this as JSON).
    EXTENSIONS_GALLERY: '{}',
  };
}

/** User settings that keep the workbench quiet and fast for a test (no welcome page, no chat). */
export function writeUserSettings(p: CodeServerPaths, extra: Record<string, unknown> = {}): void {
  const dir = join(p.userData, 'User');
  mkdirSync(dir, { recursive: true });
  const settings = {
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'chat.disableAIFeatures': true,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoUpdate': false,
    'extensions.autoCheckUpdates': false,
    'extensions.ignoreRecommendations': true,
    'security.workspace.trust.enabled': false,
    'editor.hover.delay': 300,
    'editor.minimap.enabled': false,
    'editor.codeLens': true,
    'files.autoSave': 'off',
    'workbench.editor.revealIfOpen': true,
    'window.commandCenter': false,
    ...extra,
  };
  writeFileSync(join(dir, 'settings.json'), JSON.stringify(settings, null, 2));
}

export async function installExtension(p: CodeServerPaths, vsix: string): Promise<string> {
  const r = await run(p.node24, [p.entry, '--user-data-dir', p.userData, '--extensions-dir', p.extensions, '--install-extension', vsix], {
    env: env(p),
    timeoutMs: 120_000,
    quiet: true,
  });
  return (r.stdout + r.stderr).trim();
}

export async function listExtensions(p: CodeServerPaths): Promise<string[]> {
  const r = await run(p.node24, [p.entry, '--user-data-dir', p.userData, '--extensions-dir', p.extensions, '--list-extensions', '--show-versions'], {
    env: env(p),
    timeoutMs: 60_000,
    quiet: true,
  });
  return r.stdout.split('\n').map((s) => s.trim()).filter(Boolean);
}

export interface RunningServer {
  url: string;
  port: number;
  child: ChildProcess;
  output: () => string;
  stop: () => Promise<void>;
}

/**
 * Starts code-server on 127.0.0.1 and resolves once it listens (or rejects after `timeoutMs`).
 * `extraEnv` reaches the extension host too (it inherits the server's environment).
 */
export async function startCodeServer(p: CodeServerPaths, folder: string, extraEnv: NodeJS.ProcessEnv = {}, timeoutMs = 90_000): Promise<RunningServer> {
  const port = await freePort();
  const config = join(p.runDir, 'code-server.yaml');
  writeFileSync(config, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  const args = [
    p.entry,
    '--config', config,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--user-data-dir', p.userData,
    '--extensions-dir', p.extensions,
    folder,
  ];
  const child = spawn(p.node24, args, { env: env(p, extraEnv), detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const server: RunningServer = {
    url: `http://127.0.0.1:${port}`,
    port,
    child,
    output: () => out,
    stop: () => stopGroup(child),
  };
  const t0 = Date.now();
  while (!/HTTP server listening on/.test(out)) {
    if (child.exitCode !== null) throw new Error(`code-server exited ${child.exitCode} before listening:\n${out.slice(-3000)}`);
    if (Date.now() - t0 > timeoutMs) {
      await server.stop();
      throw new Error(`code-server did not listen within ${timeoutMs} ms:\n${out.slice(-3000)}`);
    }
    await delay(200);
  }
  return server;
}

function walk(dir: string, out: string[] = []): string[] {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir)) {
    const f = join(dir, name);
    if (statSync(f).isDirectory()) walk(f, out);
    else out.push(f);
  }
  return out;
}

/** All extension-host log text written so far (code-server names it remoteexthost.log). */
export function extensionHostLog(p: CodeServerPaths): string {
  return walk(join(p.userData, 'logs'))
    .filter((f) => /exthost[^/]*\.log$/.test(f))
    .map((f) => readFileSync(f, 'utf8'))
    .join('\n');
}

/** The log files of one extension's own output channels (`<publisher>.<name>` folders), joined. */
export function extensionOutputLogs(p: CodeServerPaths, extensionId: string): string {
  return walk(join(p.userData, 'logs'))
    .filter((f) => f.includes(`${extensionId}`) && f.endsWith('.log'))
    .map((f) => readFileSync(f, 'utf8'))
    .join('\n');
}
