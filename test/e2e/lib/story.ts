// The end-to-end stories' frame: what a story gets (the page, paths, the extension's manifest, a
// screenshot helper), how a story's outcome is recorded (passed, failed, or failed because a feature
// is missing, always with a sentence), and the closing summary line.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { CodeServerPaths } from './codeserver';
import { MissingFeature } from './workbench';

export interface ContributedCommand {
  command: string;
  title: string;
  category?: string;
}

export interface Manifest {
  publisher: string;
  name: string;
  contributes?: { commands?: ContributedCommand[] };
}

export interface E2EContext {
  page: Page;
  paths: CodeServerPaths;
  /** the workspace folder code-server opened (a copy of examples/ plus the e2e fixtures) */
  workspace: string;
  manifest: Manifest;
  extensionId: string;
  /** the Python version the stories have selected so far (user settings start it at 3.12) */
  version: string;
  shotsDir: string;
  /** the extension host's log so far (to quote its errors when a story fails) */
  exthostLog: () => string;
  /** saves a screenshot of the whole workbench as `<shotsDir>/<name>.png` and returns its path */
  shot: (name: string) => Promise<string>;
  log: (msg: string) => void;
}

export interface Story {
  name: string;
  /** what a user does and sees, in one sentence */
  title: string;
  /** a screenshot worth putting in the README: `<shot name>` -> docs/screenshots/e2e-<readme>.png */
  readmeShots?: Record<string, string>;
  run: (ctx: E2EContext) => Promise<void>;
}

export type Outcome = 'passed' | 'failed' | 'missing';

export interface StoryResult {
  name: string;
  outcome: Outcome;
  ms: number;
  message?: string;
}

/** The palette label ("Category: Title") of the contributed command whose title matches `title`. */
export function commandLabel(ctx: E2EContext, title: RegExp, feature: string): string {
  const cmd = (ctx.manifest.contributes?.commands ?? []).find((c) => title.test(c.title));
  if (!cmd) throw new MissingFeature(`${feature}: package.json contributes no command titled like ${title}`);
  return cmd.category ? `${cmd.category}: ${cmd.title}` : cmd.title;
}

export function makeShooter(page: Page, dir: string): (name: string) => Promise<string> {
  mkdirSync(dir, { recursive: true });
  return async (name) => {
    const file = join(dir, `${name}.png`);
    // No half-faded quick input in the picture.
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 2000 }).catch(() => undefined);
    await page.screenshot({ path: file, timeout: 15_000 });
    return file;
  };
}

/** Runs one story within `timeoutMs`, turning any throw into a recorded outcome. */
export async function runStory(story: Story, ctx: E2EContext, timeoutMs: number): Promise<StoryResult> {
  const t0 = Date.now();
  const logStart = ctx.exthostLog().length;
  ctx.log(`story ${story.name}: ${story.title}`);
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      story.run(ctx),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`story did not finish within ${timeoutMs / 1000} s`)), timeoutMs);
      }),
    ]);
    return { name: story.name, outcome: 'passed', ms: Date.now() - t0 };
  } catch (e) {
    const errors = ctx.exthostLog().slice(logStart).split('\n').filter((l) => /\[error\]/.test(l) && !/ENOTFOUND|gallery/i.test(l));
    const hostErrors = [...new Set(errors.map((l) => l.replace(/^\S+ \S+ /, '')))].slice(-3);
    const message = (e instanceof Error ? e.message : String(e)) + (hostErrors.length ? `\nextension host errors meanwhile: ${hostErrors.join(' | ')}` : '');
    try {
      await ctx.shot(`failed-${story.name}`);
      writeFileSync(join(ctx.shotsDir, `failed-${story.name}.html`), await ctx.page.content());
    } catch {
      /* the page may be gone */
    }
    return { name: story.name, outcome: e instanceof MissingFeature ? 'missing' : 'failed', ms: Date.now() - t0, message };
  } finally {
    if (timer) clearTimeout(timer);
  }
}

export function report(results: StoryResult[]): string {
  const lines = results.map((r) => {
    const mark = r.outcome === 'passed' ? 'PASS' : r.outcome === 'missing' ? 'MISSING' : 'FAIL';
    const msg = r.message ? `\n        ${r.message.split('\n').join('\n        ')}` : '';
    return `  ${mark.padEnd(7)} ${r.name} (${(r.ms / 1000).toFixed(1)} s)${msg}`;
  });
  const passed = results.filter((r) => r.outcome === 'passed').length;
  return `${lines.join('\n')}\ne2e: ${passed} passed, ${results.length - passed} failed`;
}
