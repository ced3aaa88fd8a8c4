// Stories in the memory panel (a webview): "Open Memory Panel" shows the program's heap objects, the
// timeline scrubs through the steps, and "Simulate gc.collect" on a file with a reference cycle finds
// it. The panel draws its graph on a canvas, so the stories read its DOM text (timeline label, search
// info, inspector, gc card) and click the canvas where the search centred the object.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FrameLocator, Locator } from 'playwright-core';
import { probeAfterLine, runCPython } from '../lib/cpython';
import { delay } from '../lib/proc';
import { commandLabel, type E2EContext, type Story } from '../lib/story';
import { MissingFeature, codeLensAbove, dismiss, gotoLine, hoverWord, notificationTexts, openFile, runCommand } from '../lib/workbench';
import { REFS_FILE, fixtureLine } from './editor';

export const CYCLE_FILE = 'e2e_cycle.py';

const LABEL = /Step ([\d,]+) \/ ([\d,]+)(?: · line (\d+))?(?:.*?([\d,]+) objects)?/;

interface TimelinePos {
  step: number;
  count: number;
  line: number | null;
  objects: number | null;
  text: string;
}

const n = (s: string): number => Number(s.replace(/,/g, ''));

function webview(ctx: E2EContext): FrameLocator {
  return ctx.page.locator('iframe.webview.ready').first().contentFrame().locator('#active-frame').contentFrame();
}

async function timeline(wv: FrameLocator): Promise<TimelinePos> {
  const text = (await wv.locator('.tl-label').first().innerText()).trim();
  const m = LABEL.exec(text);
  if (!m) throw new Error(`unexpected timeline label "${text}"`);
  return { step: n(m[1]), count: n(m[2]), line: m[3] ? n(m[3]) : null, objects: m[4] ? n(m[4]) : null, text };
}

async function waitTimeline(wv: FrameLocator, ok: (p: TimelinePos) => boolean, what: string, timeoutMs = 15_000): Promise<TimelinePos> {
  const t0 = Date.now();
  let last = '';
  while (Date.now() - t0 < timeoutMs) {
    try {
      const p = await timeline(wv);
      last = p.text;
      if (ok(p)) return p;
    } catch (e) {
      last = e instanceof Error ? e.message : String(e);
    }
    await delay(300);
  }
  throw new Error(`timeline never showed ${what}; last: "${last}"`);
}

/** Waits for the memory panel's webview and its first snapshot ("Step i / n" in the timeline). */
async function waitPanel(ctx: E2EContext): Promise<FrameLocator> {
  try {
    await ctx.page.locator('iframe.webview.ready').first().waitFor({ state: 'attached', timeout: 20_000 });
  } catch {
    throw new MissingFeature('memory panel: no webview opened');
  }
  const wv = webview(ctx);
  try {
    await wv.locator('.tl-label').filter({ hasText: LABEL }).first().waitFor({ state: 'visible', timeout: 30_000 });
  } catch {
    const body = await wv.locator('body').innerText().catch(() => '(unreadable)');
    throw new MissingFeature(`memory panel: no timeline "Step i / n" in the webview within 30 s; it shows: "${body.slice(0, 300)}"`);
  }
  return wv;
}

function button(wv: FrameLocator, titleStart: string): Locator {
  return wv.locator(`vscode-button[title^="${titleStart}"]`).first();
}

/** "Fit" the graph and let its animations settle, for a screenshot that shows the whole heap. */
async function settle(wv: FrameLocator): Promise<void> {
  await button(wv, 'Fit the graph').click();
  await delay(800);
}

async function search(wv: FrameLocator, text: string): Promise<void> {
  const input = wv.locator('.heap-search input').first();
  await input.fill(text);
}

async function heapInfo(wv: FrameLocator): Promise<string> {
  return (await wv.locator('.heap-info').first().innerText()).trim();
}

async function waitInfo(wv: FrameLocator, re: RegExp, what: string): Promise<string> {
  const t0 = Date.now();
  let last = '';
  while (Date.now() - t0 < 10_000) {
    last = await heapInfo(wv);
    if (re.test(last)) return last;
    await delay(250);
  }
  throw new Error(`the heap view's info never said ${what}; last: "${last}"`);
}

/** Searches `address`, clicks the graph where the search centred it, and returns the inspector's type. */
async function selectByAddress(ctx: E2EContext, wv: FrameLocator, address: string): Promise<string> {
  await search(wv, address);
  await waitInfo(wv, /\b1 match\b/, `"1 match" for ${address}`);
  const canvas = wv.locator('.heap-canvas').first();
  const box = await canvas.boundingBox();
  if (!box) throw new Error('the heap graph canvas has no box');
  const head = wv.locator('.inspector .insp-head strong').first();
  const t0 = Date.now();
  let type = '';
  while (Date.now() - t0 < 10_000) {
    await delay(600); // let the centring animation end
    await ctx.page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await delay(200);
    type = (await head.innerText().catch(() => '')).trim();
    if (type && type !== 'This step') return type;
  }
  throw new Error(`clicking the object the search centred selected nothing (inspector: "${type}")`);
}

/** The list's address as the hover on `alias` tells it. */
async function listAddress(ctx: E2EContext, line: number): Promise<string> {
  const text = await hoverWord(ctx.page, line, 'alias', /→\s*list at\s*0x[0-9a-f]+/, 'hover provider');
  await dismiss(ctx.page);
  return /→\s*list at\s*(0x[0-9a-f]+)/.exec(text)![1];
}

export const lensClick: Story = {
  name: 'codelens-click',
  title: 'clicking the CodeLens above a line that allocates a dict opens the memory panel at that line',
  async run(ctx) {
    await openFile(ctx.page, REFS_FILE);
    const line = fixtureLine(ctx, REFS_FILE, 'config =');
    const lens = await codeLensAbove(ctx.page, line);
    await lens.locator('a, button').first().click();
    const wv = await waitPanel(ctx);
    await waitTimeline(wv, (p) => p.line === line, `"line ${line}" after clicking its lens`);
  },
};

export const panel: Story = {
  name: 'panel',
  title: '"Open Memory Panel" and "Step To Line" show the heap there: the list a name refers to, with CPython\'s repr and referrers',
  readmeShots: { panel: 'panel' },
  async run(ctx) {
    await openFile(ctx.page, REFS_FILE);
    await runCommand(ctx.page, 'View: Close Primary Side Bar');
    const line = fixtureLine(ctx, REFS_FILE, 'alias =');
    const address = await listAddress(ctx, line);
    await runCommand(ctx.page, commandLabel(ctx, /Open Memory Panel/i, 'memory panel'));
    const wv = await waitPanel(ctx);
    await gotoLine(ctx.page, line, 1);
    await runCommand(ctx.page, commandLabel(ctx, /Step To Line/i, 'step to line'));
    const at = await waitTimeline(wv, (p) => p.line === line, `"line ${line}" after Step To Line`);
    ctx.log(`panel at ${at.text}`);
    const type = await selectByAddress(ctx, wv, address);
    if (type !== 'list') throw new Error(`the object at ${address} is shown as "${type}", not list`);
    const source = readFileSync(join(ctx.workspace, REFS_FILE), 'utf8');
    const prefix = source.split('\n').slice(0, line).join('\n');
    const [realRepr, realLen] = runCPython(ctx.version, `${prefix}\nprint(repr(alias))\nprint(len(alias))\n`).trim().split('\n').slice(-2);
    const repr = (await wv.locator('.inspector pre.repr').first().innerText()).trim();
    // textContent, not innerText: the heading is upper-cased by CSS.
    const refs = ((await wv.locator('.inspector h4', { hasText: /Referrers/i }).first().textContent()) ?? '').trim();
    const names = await wv.locator('.inspector ul.reflist').first().innerText();
    await settle(wv);
    await ctx.shot('panel');
    // The panel may summarise a container ("list (3 items)") instead of CPython's full repr.
    const summary = /^list \((\d+) items?\)$/.exec(repr);
    if (repr !== realRepr && !(summary && summary[1] === realLen)) {
      throw new Error(`the inspector shows "${repr}"; CPython ${ctx.version} prints ${realRepr} (len ${realLen})`);
    }
    const real = probeAfterLine(ctx.version, source, line, 'alias').getrefcount - 1;
    if (refs !== `Referrers (${real})`) throw new Error(`the inspector says "${refs}"; after line ${line} CPython ${ctx.version}'s refcount is ${real}`);
    for (const name of ['items', 'alias']) {
      if (!new RegExp(`\\b${name}\\b`).test(names)) throw new Error(`the referrers list does not name ${name}: "${names}"`);
    }
    ctx.log(`inspector: list ${repr}, ${refs}`);
  },
};

export const scrub: Story = {
  name: 'timeline',
  title: 'scrubbing the timeline moves through the steps: the dict made on line 4 is absent at step 1 and there at line 4',
  readmeShots: { timeline: 'timeline' },
  async run(ctx) {
    await openFile(ctx.page, REFS_FILE);
    const line = fixtureLine(ctx, REFS_FILE, 'config =');
    const text = await hoverWord(ctx.page, line, 'config', /→\s*dict at\s*0x[0-9a-f]+/, 'hover provider');
    const address = /→\s*dict at\s*(0x[0-9a-f]+)/.exec(text)![1];
    await dismiss(ctx.page);
    await gotoLine(ctx.page, line, 1);
    await runCommand(ctx.page, commandLabel(ctx, /Step To Line/i, 'step to line'));
    const wv = await waitPanel(ctx);
    const at = await waitTimeline(wv, (p) => p.line === line, `"line ${line}" after Step To Line`);
    await search(wv, address);
    await waitInfo(wv, /\b1 match\b/, `"1 match" for ${address} at line ${line}`);
    await button(wv, 'First step').click();
    const first = await waitTimeline(wv, (p) => p.step === 1, 'step 1');
    if (first.line !== null && first.line >= line) throw new Error(`step 1 is already at line ${first.line}`);
    await waitInfo(wv, /\b0 matches\b/, `"0 matches" for ${address} at step 1 (line ${first.line}), before the dict exists`);
    // Drag along the strip to 60% of the run, as a user scrubs.
    const strip = wv.locator('canvas.tl-strip').first();
    const box = await strip.boundingBox();
    if (!box) throw new Error('the timeline strip has no box');
    const y = box.y + box.height / 2;
    await ctx.page.mouse.move(box.x + 6, y);
    await ctx.page.mouse.down();
    for (const f of [0.2, 0.4, 0.6]) await ctx.page.mouse.move(box.x + 4 + f * (box.width - 8), y, { steps: 4 });
    await ctx.page.mouse.up();
    const want = Math.round(0.6 * (first.count - 1)) + 1;
    const mid = await waitTimeline(wv, (p) => Math.abs(p.step - want) <= Math.max(1, first.count * 0.02), `a step near ${want} after dragging to 60%`);
    await settle(wv);
    await ctx.shot('timeline');
    // Home, then → (keyboard) to the dict's step, where it exists.
    await strip.focus();
    await ctx.page.keyboard.press('Home');
    await waitTimeline(wv, (p) => p.step === 1, 'step 1 after Home');
    for (let i = 1; i < at.step; i++) await ctx.page.keyboard.press('ArrowRight');
    const back = await waitTimeline(wv, (p) => p.step === at.step, `step ${at.step} after ${at.step - 1}× →`);
    await waitInfo(wv, /\b1 match\b/, `"1 match" for ${address} back at step ${at.step}`);
    ctx.log(`scrubbed: ${first.text} → ${mid.text} → ${back.text}`);
  },
};

export const gc: Story = {
  name: 'gc',
  title: '"Simulate gc.collect" on a file with a reference cycle finds it: returns what CPython\'s gc.collect() returns',
  readmeShots: { gc: 'gc' },
  async run(ctx) {
    await openFile(ctx.page, CYCLE_FILE);
    await runCommand(ctx.page, commandLabel(ctx, /Open Memory Panel/i, 'memory panel'));
    const wv = await waitPanel(ctx);
    await button(wv, 'Last step').click();
    await waitTimeline(wv, (p) => p.step === p.count, 'the last step');
    await openFile(ctx.page, CYCLE_FILE);
    await runCommand(ctx.page, commandLabel(ctx, /Simulate gc\.collect/i, 'gc simulation'));
    const sum = wv.locator('.gc-card .gc-sum').first();
    try {
      await sum.waitFor({ state: 'visible', timeout: 20_000 });
    } catch {
      const notes = await notificationTexts(ctx.page);
      throw new MissingFeature(`gc simulation: no gc.collect result card (".gc-sum") in the memory panel within 20 s` + (notes.length ? `; notifications: ${JSON.stringify(notes)}` : ''));
    }
    const text = (await sum.innerText()).trim();
    // For the picture: the phase that finds the unreachable objects, the whole graph, no inspector.
    await wv.locator('.gc-card ol.gc-phases li', { hasText: 'move unreachable' }).first().click().catch(() => undefined);
    await button(wv, 'Close the inspector').click().catch(() => undefined);
    await settle(wv);
    await ctx.shot('gc');
    const m = /unreachable (\d+).*returns (\d+)/.exec(text);
    if (!m) throw new Error(`unexpected gc summary "${text}"`);
    const source = readFileSync(join(ctx.workspace, CYCLE_FILE), 'utf8');
    const real = Number(runCPython(ctx.version, `${source}\nimport gc\nprint(gc.collect())\n`).trim().split('\n').pop());
    if (Number(m[2]) !== real) throw new Error(`the panel says gc.collect() returns ${m[2]}; CPython ${ctx.version} returns ${real}`);
    if (Number(m[1]) === 0) throw new Error(`the cycle was not found: "${text}"`);
    ctx.log(`gc card: ${text}`);
  },
};
