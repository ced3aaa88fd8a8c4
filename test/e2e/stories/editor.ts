// Stories in the text editor: the extension activates on a Python file, a hover tells a name's
// refcount and size, CodeLenses show what lines allocate, "Select Python Version" changes the numbers,
// and an edit updates the hover. Every number expected is what the real CPython prints for the same
// code (lib/cpython.ts), never a constant typed here.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extensionHostLog } from '../lib/codeserver';
import { probeAfterLine } from '../lib/cpython';
import { delay } from '../lib/proc';
import { commandLabel, type E2EContext, type Story } from '../lib/story';
import {
  MissingFeature, codeLensTexts, dismiss, gotoLine, hoverWord, lineText, openFile, pickQuickItem, quickPickLabels, runCommand,
} from '../lib/workbench';

export const REFS_FILE = 'e2e_refs.py';
/** an example from examples/ whose CodeLenses make a good README picture */
const SHOWCASE_FILE = 'refcounts.py';

/** The fixture's line (1-based) that starts with `prefix`, read from the workspace copy. */
export function fixtureLine(ctx: E2EContext, file: string, prefix: string): number {
  const lines = readFileSync(join(ctx.workspace, file), 'utf8').split('\n');
  const i = lines.findIndex((l) => l.startsWith(prefix));
  if (i < 0) throw new Error(`${file} has no line starting with "${prefix}"`);
  return i + 1;
}

const REFCOUNT = (name: string): RegExp => new RegExp(`sys\\.getrefcount\\(${name}\\)\\s*→\\s*(\\d+)`);
const SIZE = /size\s+(\d+)\s*B/;
const VERSION = /simulated CPython (3\.\d+)/;

function num(text: string, re: RegExp, what: string): number {
  const m = re.exec(text);
  if (!m) throw new Error(`the hover does not show ${what}: "${text.slice(0, 400)}"`);
  return Number(m[1]);
}

function versionOf(hover: string): string {
  const m = VERSION.exec(hover);
  if (!m) throw new Error(`the hover does not say which CPython it simulated: "${hover.slice(0, 400)}"`);
  return m[1];
}

export const activation: Story = {
  name: 'activation',
  title: 'opening a Python file activates the extension (extension host log)',
  async run(ctx) {
    await openFile(ctx.page, REFS_FILE);
    const id = ctx.extensionId.toLowerCase();
    const t0 = Date.now();
    while (Date.now() - t0 < 30_000) {
      const log = extensionHostLog(ctx.paths).toLowerCase();
      const failed = log.split('\n').find((l) => l.includes(id) && /activating extension .* failed|failed to activate/.test(l));
      if (failed) throw new Error(`the extension failed to activate: ${failed}`);
      if (log.includes(`_doactivateextension ${id}`)) {
        ctx.log(`activated: ${log.split('\n').find((l) => l.includes(`_doactivateextension ${id}`))?.trim()}`);
        return;
      }
      await delay(500);
    }
    throw new MissingFeature(`activation: no "ExtensionService#_doActivateExtension ${ctx.extensionId}" line in the extension host log within 30 s`);
  },
};

export const hover: Story = {
  name: 'hover',
  title: 'hovering a name shows its refcount and size, equal to what the real CPython prints',
  readmeShots: { hover: 'hover' },
  async run(ctx) {
    await openFile(ctx.page, REFS_FILE);
    const line = fixtureLine(ctx, REFS_FILE, 'alias =');
    const text = await hoverWord(ctx.page, line, 'alias', REFCOUNT('alias'), 'hover provider');
    await ctx.shot('hover');
    const version = versionOf(text);
    const real = probeAfterLine(version, readFileSync(join(ctx.workspace, REFS_FILE), 'utf8'), line, 'alias');
    const shown = num(text, REFCOUNT('alias'), 'sys.getrefcount(alias)');
    if (shown !== real.getrefcount) throw new Error(`hover says sys.getrefcount(alias) → ${shown}; CPython ${version} prints ${real.getrefcount}`);
    const size = num(text, SIZE, 'a size in bytes');
    if (size !== real.getsizeof) throw new Error(`hover says size ${size} B; CPython ${version} sys.getsizeof prints ${real.getsizeof}`);
    ctx.log(`hover on alias (CPython ${version}): getrefcount ${shown}, size ${size} B, as the real interpreter`);
  },
};

export const codeLens: Story = {
  name: 'codelens',
  title: 'CodeLenses above allocating lines say how many objects and bytes they allocate',
  readmeShots: { codelens: 'codelens' },
  async run(ctx) {
    await openFile(ctx.page, REFS_FILE);
    await dismiss(ctx.page);
    const t0 = Date.now();
    let lenses: string[] = [];
    while (Date.now() - t0 < 20_000) {
      lenses = await codeLensTexts(ctx.page);
      if (lenses.some((l) => /\+\d+ objects?\b.*\d+ B/.test(l))) break;
      await delay(500);
    }
    if (!lenses.some((l) => /\+\d+ objects?\b.*\d+ B/.test(l))) {
      throw new MissingFeature(`CodeLens: no lens like "+N objects (N B)" in ${REFS_FILE}; lenses seen: ${JSON.stringify(lenses)}`);
    }
    ctx.log(`lenses: ${lenses.join(' | ')}`);
    // The README picture: the commented example on reference counts when it is there, else the fixture.
    if (existsSync(join(ctx.workspace, SHOWCASE_FILE))) {
      await openFile(ctx.page, SHOWCASE_FILE);
      const t1 = Date.now();
      while (Date.now() - t1 < 20_000 && (await codeLensTexts(ctx.page)).length === 0) await delay(500);
      if ((await codeLensTexts(ctx.page)).length === 0) throw new MissingFeature(`CodeLens: none in ${SHOWCASE_FILE}`);
      await delay(500);
    }
    await ctx.shot('codelens');
  },
};

/** Runs "Select Python Version" and picks `version`; returns the labels the quick pick offered. */
async function selectVersion(ctx: E2EContext, version: string): Promise<string[]> {
  await runCommand(ctx.page, commandLabel(ctx, /Select Python Version/i, 'version selection'));
  const labels = await quickPickLabels(ctx.page);
  await pickQuickItem(ctx.page, new RegExp(`^\\s*(CPython\\s*)?${version.replace('.', '\\.')}(?!\\d)`));
  await delay(300);
  return labels;
}

export const version: Story = {
  name: 'version',
  title: '"Select Python Version" changes the numbers: a dict\'s size follows each CPython version',
  readmeShots: { version: 'version' },
  async run(ctx) {
    await openFile(ctx.page, REFS_FILE);
    const source = readFileSync(join(ctx.workspace, REFS_FILE), 'utf8');
    const line = fixtureLine(ctx, REFS_FILE, 'config =');
    const seen: Record<string, number> = {};
    for (const v of ['3.10', '3.13']) {
      const labels = await selectVersion(ctx, v);
      ctx.version = v;
      ctx.log(`version quick pick offered: ${labels.map((l) => l.replace(/\s+/g, ' ')).join(' | ')}`);
      const text = await hoverWord(ctx.page, line, 'config', new RegExp(`simulated CPython ${v.replace('.', '\\.')}`), `hover after selecting Python ${v}`, 20_000);
      if (v === '3.10') await ctx.shot('version');
      const size = num(text, SIZE, 'a size in bytes');
      const real = probeAfterLine(v, source, line, 'config').getsizeof;
      if (size !== real) throw new Error(`with Python ${v} the hover says size ${size} B; CPython ${v} sys.getsizeof prints ${real}`);
      seen[v] = size;
    }
    if (seen['3.10'] === seen['3.13']) throw new Error(`the dict's size did not change between 3.10 and 3.13 (${seen['3.10']} B)`);
    ctx.log(`config size: 3.10 → ${seen['3.10']} B, 3.13 → ${seen['3.13']} B (both as the real interpreters)`);
  },
};

export const edit: Story = {
  name: 'edit',
  title: 'editing the file (another name for the list) updates the hover\'s refcount',
  readmeShots: { edit: 'edit' },
  async run(ctx) {
    await openFile(ctx.page, REFS_FILE);
    const before = fixtureLine(ctx, REFS_FILE, 'alias =');
    const first = await hoverWord(ctx.page, before, 'alias', REFCOUNT('alias'), 'hover provider');
    const version = versionOf(first);
    const rcBefore = num(first, REFCOUNT('alias'), 'sys.getrefcount(alias)');
    // Type a new line above `alias = items`, as a user would.
    await gotoLine(ctx.page, before, 1);
    await ctx.page.keyboard.type('keep = items');
    // close a suggestion widget the typing may have opened, so that Enter breaks the line
    await ctx.page.keyboard.press('Escape');
    await ctx.page.waitForTimeout(150);
    await ctx.page.keyboard.press('Enter');
    await dismiss(ctx.page);
    const after = before + 1;
    const typed = await lineText(ctx.page, before);
    if (typed.trim() !== 'keep = items') throw new Error(`typing produced "${typed}" on line ${before}`);
    const edited = readFileSync(join(ctx.workspace, REFS_FILE), 'utf8').split('\n');
    edited.splice(before - 1, 0, 'keep = items');
    const real = probeAfterLine(version, edited.join('\n'), after, 'alias');
    const want = new RegExp(`sys\\.getrefcount\\(alias\\)\\s*→\\s*${real.getrefcount}\\b`);
    const text = await hoverWord(ctx.page, after, 'alias', want, `live update after an edit (expected → ${real.getrefcount}, was ${rcBefore})`, 25_000);
    await ctx.shot('edit');
    ctx.log(`after the edit: ${/sys\.getrefcount\(alias\)\s*→\s*\d+/.exec(text)?.[0]} (was ${rcBefore}; CPython ${version} prints ${real.getrefcount})`);
    // Leave the document as it was on disk for the stories that follow.
    await runCommand(ctx.page, 'File: Revert File');
    await delay(300);
  },
};
