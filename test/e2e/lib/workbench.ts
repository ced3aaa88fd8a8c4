// What a user does in the VS Code web workbench, as Playwright steps: open a file with Quick Open,
// run a command from the palette, go to a line, hover a word on a given line and read the hover,
// read CodeLenses, reach the content of a webview, type into the editor. Selectors are VS Code's own
// DOM (code-server 4.139 / VS Code 1.139); each helper fails with a sentence that says what was missing.
import type { FrameLocator, Locator, Page } from 'playwright-core';
import { delay } from './proc';

export class MissingFeature extends Error {
  constructor(what: string) {
    super(`missing feature: ${what}`);
    this.name = 'MissingFeature';
  }
}

const isMac = process.platform === 'darwin';
const mod = isMac ? 'Meta' : 'Control';

export async function waitForWorkbench(page: Page, url: string): Promise<void> {
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
  await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 90_000 });
  // The explorer shows the folder once the remote file system answered.
  await page.locator('.explorer-folders-view, .explorer-viewlet').first().waitFor({ state: 'visible', timeout: 60_000 });
}

/** Closes hovers, menus and the quick input, and gives the editor back its focus. */
export async function dismiss(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await page.mouse.move(2, 2);
}

/** Opens `name` with Quick Open in the first editor group (the memory panel lives beside it). */
export async function openFile(page: Page, name: string): Promise<void> {
  await runCommand(page, 'View: Focus First Editor Group');
  await delay(200);
  await page.keyboard.press(`${mod}+KeyP`);
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 10_000 });
  await input.fill(name);
  // Click the matching row rather than Enter: the list may still show recent files while it filters.
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first();
  await row.waitFor({ state: 'visible', timeout: 15_000 });
  await delay(300);
  await row.click();
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10_000 });
  await page.locator('.editor-group-container.active .tab.active', { hasText: name }).waitFor({ state: 'visible', timeout: 15_000 });
  await activeEditor(page).locator('.view-lines').waitFor({ state: 'visible', timeout: 15_000 });
}

/** The text editor of the active editor group. */
export function activeEditor(page: Page): Locator {
  return page.locator('.editor-group-container.active .monaco-editor').first();
}

/** The command palette rows whose label contains `title` (after typing it). */
async function paletteRows(page: Page, title: string): Promise<Locator> {
  await dismiss(page);
  await page.keyboard.press(`${mod}+Shift+KeyP`);
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 10_000 });
  await input.fill('>' + title);
  await delay(400);
  return page.locator('.quick-input-list .monaco-list-row', { hasText: title });
}

/** Runs a command by its palette label; MissingFeature if the palette does not list it. */
export async function runCommand(page: Page, title: string): Promise<void> {
  const rows = await paletteRows(page, title);
  try {
    await rows.first().waitFor({ state: 'visible', timeout: 8_000 });
  } catch {
    await dismiss(page);
    throw new MissingFeature(`the command palette has no command "${title}"`);
  }
  await rows.first().click();
}

/** Picks the quick-pick row containing `label` (a quick pick a command opened). */
export async function pickQuickItem(page: Page, label: string | RegExp): Promise<void> {
  const row = page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: label }).first();
  await row.waitFor({ state: 'visible', timeout: 10_000 });
  await row.click();
}

export async function quickPickLabels(page: Page): Promise<string[]> {
  const rows = page.locator('.quick-input-widget .quick-input-list .monaco-list-row');
  await rows.first().waitFor({ state: 'visible', timeout: 10_000 });
  return rows.allInnerTexts();
}

export async function gotoLine(page: Page, line: number, column = 1): Promise<void> {
  await dismiss(page);
  await activeEditor(page).locator('.view-lines').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press(`${mod}+KeyG`);
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 10_000 });
  await input.fill(`:${line}:${column}`);
  await page.keyboard.press('Enter');
}

const topOf = (style: string | null): number | null => {
  const m = /top:\s*(-?[\d.]+)px/.exec(style ?? '');
  return m ? Number(m[1]) : null;
};

/** The rendered `.view-line` of editor line `line` (found through the line-number gutter's position). */
export async function lineLocator(page: Page, line: number): Promise<Locator> {
  const editor = activeEditor(page);
  const num = editor.locator('.margin-view-overlays .line-numbers').getByText(String(line), { exact: true });
  if ((await num.count()) === 0) throw new Error(`line ${line} is not rendered in the editor`);
  const top = topOf(await num.first().locator('xpath=..').getAttribute('style'));
  if (top === null) throw new Error(`cannot read the position of line ${line}`);
  const lines = editor.locator('.view-lines > .view-line');
  const n = await lines.count();
  for (let i = 0; i < n; i++) {
    if (topOf(await lines.nth(i).getAttribute('style')) === top) return lines.nth(i);
  }
  throw new Error(`no rendered text line at the position of line ${line} (top ${top}px)`);
}

/** The visible text of editor line `line` (non-breaking spaces turned into spaces). */
export async function lineText(page: Page, line: number): Promise<string> {
  const text = await (await lineLocator(page, line)).innerText();
  return text.replace(/\u00a0/g, ' ');
}

const HOVER = '.monaco-editor .monaco-hover:not(.hidden)';

/**
 * Hovers the first word `word` on editor line `line` and returns the hover's text once it contains
 * `expect`; MissingFeature (naming `feature`) when no such hover comes within `timeoutMs`.
 */
export async function hoverWord(page: Page, line: number, word: string, expect: RegExp, feature: string, timeoutMs = 15_000): Promise<string> {
  const t0 = Date.now();
  let last = '';
  while (Date.now() - t0 < timeoutMs) {
    await dismiss(page);
    await delay(150);
    const lineEl = await lineLocator(page, line);
    const box = await wordBox(lineEl, word);
    if (!box) throw new Error(`word "${word}" is not on line ${line}: "${await lineEl.innerText()}"`);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 3 });
    const hover = page.locator(HOVER).first();
    try {
      await hover.waitFor({ state: 'visible', timeout: 4_000 });
      await delay(300);
      last = (await hover.allInnerTexts()).join('\n');
      if (expect.test(last)) return last;
    } catch {
      /* no hover yet: try again */
    }
    await delay(500);
  }
  throw new MissingFeature(`${feature}: no hover matching ${expect} over "${word}" on line ${line}` + (last ? `; last hover read: "${last.slice(0, 300)}"` : ''));
}

/**
 * The screen box of the first whole-word `word` in a rendered line. Monaco renders a line as token
 * spans (adjacent tokens of one colour merged); editor fonts are monospaced, so a character's box is
 * its share of its span's width.
 */
async function wordBox(lineEl: Locator, word: string): Promise<{ x: number; y: number; width: number; height: number } | null> {
  const re = new RegExp(`(^|[^A-Za-z0-9_])(${word})(?![A-Za-z0-9_])`);
  const spans = lineEl.locator(':scope > span > span');
  const count = await spans.count();
  for (let i = 0; i < count; i++) {
    const span = spans.nth(i);
    const text = (await span.innerText()).replace(/\u00a0/g, ' ');
    const m = re.exec(text);
    if (!m) continue;
    const box = await span.boundingBox();
    if (!box || text.length === 0) continue;
    const cw = box.width / text.length;
    const start = m.index + m[1].length;
    return { x: box.x + start * cw, y: box.y, width: word.length * cw, height: box.height };
  }
  return null;
}

/** Texts of the CodeLenses rendered in the active editor. */
export async function codeLensTexts(page: Page): Promise<string[]> {
  const lenses = activeEditor(page).locator('.codelens-decoration');
  return (await lenses.allInnerTexts()).map((s) => s.trim()).filter(Boolean);
}

/**
 * The CodeLens shown above editor line `line` (the lowest lens whose box ends above the line's top);
 * MissingFeature when there is none.
 */
export async function codeLensAbove(page: Page, line: number): Promise<Locator> {
  const lineBox = await (await lineLocator(page, line)).boundingBox();
  if (!lineBox) throw new Error(`line ${line} has no box`);
  const lenses = activeEditor(page).locator('.codelens-decoration');
  await lenses.first().waitFor({ state: 'visible', timeout: 20_000 }).catch(() => undefined);
  let best: { i: number; y: number } | null = null;
  for (let i = 0; i < (await lenses.count()); i++) {
    const b = await lenses.nth(i).boundingBox();
    if (!b || b.y + b.height > lineBox.y + 1 || lineBox.y - b.y > 2 * lineBox.height) continue;
    if (!best || b.y > best.y) best = { i, y: b.y };
  }
  if (!best) {
    const boxes = await Promise.all((await lenses.all()).map((l) => l.boundingBox()));
    throw new MissingFeature(`CodeLens: none above line ${line} (line box y=${lineBox.y}, h=${lineBox.height}; lens boxes ${JSON.stringify(boxes)})`);
  }
  return lenses.nth(best.i);
}

/** The content frame of the (first ready) webview: VS Code nests it in two iframes. */
export function webviewFrame(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview.ready').first().frameLocator('#active-frame');
}

/** Text of recent notifications: toasts, and the screen-reader alerts every notification also raises. */
export async function notificationTexts(page: Page): Promise<string[]> {
  const toasts = await page.locator('.notification-toast .notification-list-item-message').allTextContents();
  const alerts = await page.locator('.monaco-aria-container [role="alert"]').allTextContents();
  return [...new Set([...toasts, ...alerts].map((s) => s.trim()).filter(Boolean))];
}

/** Texts of the status bar items. */
export async function statusBarTexts(page: Page): Promise<string[]> {
  return (await page.locator('.statusbar-item').allInnerTexts()).map((s) => s.trim()).filter(Boolean);
}

export { mod as modifierKey };
