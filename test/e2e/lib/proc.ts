// Child processes for the end-to-end run: one-shot commands with a time limit, long-lived servers in
// their own process group (so stopping one stops its children), a free loopback port, and a cleanup
// list that runs on success, failure, timeout and Ctrl+C alike.
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { createServer } from 'node:net';

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command to completion; rejects on a non-zero exit or after `timeoutMs` (killing its group). */
export function run(cmd: string, args: string[], opts: SpawnOptions & { timeoutMs: number; quiet?: boolean }): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { ...opts, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (d: Buffer) => {
      stdout += d.toString();
      if (!opts.quiet) process.stdout.write(d);
    });
    child.stderr?.on('data', (d: Buffer) => {
      stderr += d.toString();
      if (!opts.quiet) process.stderr.write(d);
    });
    const timer = setTimeout(() => {
      killGroup(child, 'SIGKILL');
      reject(new Error(`${cmd} ${args.join(' ')}: no exit after ${opts.timeoutMs} ms`));
    }, opts.timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve({ code, stdout, stderr });
      else reject(new Error(`${cmd} ${args.join(' ')} exited ${code}\n${(stderr || stdout).slice(-3000)}`));
    });
  });
}

export function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    try {
      child.kill(signal);
    } catch {
      /* already gone */
    }
  }
}

/** Stops a process group: SIGTERM, then SIGKILL if it is still there after `graceMs`. */
export async function stopGroup(child: ChildProcess, graceMs = 5000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  killGroup(child, 'SIGTERM');
  const timedOut = await Promise.race([exited.then(() => false), delay(graceMs).then(() => true)]);
  if (timedOut) {
    killGroup(child, 'SIGKILL');
    await Promise.race([exited, delay(2000)]);
  }
}

export function delay(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** A TCP port free on 127.0.0.1 right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => (port ? resolve(port) : reject(new Error('no free port'))));
    });
  });
}

type Cleanup = () => Promise<void> | void;

/** Cleanups run last-in first-out, each at most once, whatever ends the run. */
export class Cleanups {
  private readonly items: { name: string; fn: Cleanup }[] = [];
  private ran = false;

  add(name: string, fn: Cleanup): void {
    this.items.push({ name, fn });
  }

  async runAll(): Promise<void> {
    if (this.ran) return;
    this.ran = true;
    for (const { name, fn } of this.items.reverse()) {
      try {
        await Promise.race([Promise.resolve(fn()), delay(15000).then(() => { throw new Error('timed out'); })]);
      } catch (e) {
        console.error(`[e2e] cleanup "${name}" failed: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
  }
}
