// Looks at the memory panel outside VS Code: builds dist/webview.js, serves the panel's real HTML
// (same CSP) with a fake acquireVsCodeApi and VS Code theme variables, drives the real host logic
// (src/host/panel/controller.ts) from Node, and takes Playwright screenshots in Debian's Chromium.
//
//   node scripts/panel-preview.mjs [--out DIR] [--only NAME] [--measure]
//
// Data: the real engine (simulate() + Timeline on examples/*.py) when src/engine/index.ts exists,
// else synthetic event streams (test/unit/webview/fixtures) replayed by the real Timeline.
import { tsImport } from 'tsx/esm/api';
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (n, d) => { const i = args.indexOf(n); return i >= 0 ? args[i + 1] : d; };
const outDir = path.resolve(root, opt('--out', 'docs/screenshots'));
const only = opt('--only', '');
const measure = args.includes('--measure');

const esbuild = (await import('esbuild')).default;
await esbuild.build({ entryPoints: [path.join(root, 'webview/main.ts')], outfile: path.join(root, 'dist/webview.js'), platform: 'browser', format: 'iife', bundle: true, sourcemap: true, target: 'es2022', logLevel: 'warning' });

const imp = (p) => tsImport(pathToFileURL(path.join(root, p)).href, import.meta.url);
const { PanelController } = await imp('src/host/panel/controller.ts');
const { panelHtml, makeNonce } = await imp('src/host/panel/html.ts');
const fx = await imp('test/unit/webview/fixtures/programs.ts');

// ------------------------------------------------------------------ runs (real engine when present)
async function engineRun(file, version, text) {
  if (!fs.existsSync(path.join(root, 'src/engine/index.ts')) || (!text && !fs.existsSync(path.join(root, 'examples', file)))) return null;
  try {
    const { simulate } = await imp('src/engine/index.ts');
    const { Timeline } = await imp('src/engine/trace/timeline.ts');
    const source = text ?? fs.readFileSync(path.join(root, 'examples', file), 'utf8');
    const result = simulate(source, { version, filename: file, recordEvents: true });
    if (!result.events.length) return null;
    return { uri: `file:///examples/${file}`, fileName: file, documentVersion: 1, result, timeline: new Timeline(result.events, { truncated: result.eventsTruncated }), source };
  } catch (e) {
    console.warn(`[preview] engine run of ${file} failed, using synthetic data: ${e.message}`);
    return null;
  }
}
// the synthetic cycle program without weakref (which the engine may not simulate yet), run by the engine
const ENGINE_SOURCE = fx.CYCLE_SOURCE.replace('import gc, weakref', 'import gc').replace(/^w = .*\n/m, '').replace(/^print\(w\(\)\)\n/m, '').replace('del a, b, index', 'del a, b, index');
// objects of many sizes, so that pymalloc's pools of several size classes fill (the heap map)
const HEAP_SOURCE = `class Record:
    def __init__(self, i):
        self.i = i
        self.tags = [i] * (i % 7)
        self.meta = {"id": i, "name": str(i) * (i % 5)}

records = [Record(i) for i in range(1500)]
floats = [i / 3 for i in range(2000)]
words = ["w" * (i % 40) + str(i) for i in range(1500)]
del floats[::2]
print(len(records), len(floats), len(words))
`;
const runs = {
  cycle: fx.runOf(fx.cycleProgram()),
  engine: (await engineRun('cycle.py', '3.12')) ?? (await engineRun('cycle.py', '3.12', ENGINE_SOURCE)),
  records: fx.runOf(fx.bigHeapProgram(400)),
  threads: (await engineRun('threads.py', '3.12')) ?? fx.runOf(fx.threadsProgram()),
  processes: await engineRun('processes.py', '3.12'),
  heap: await engineRun('heap.py', '3.12', HEAP_SOURCE),
};
console.log(`[preview] engine run: ${runs.engine ? `${runs.engine.fileName}, ${runs.engine.result.events.length} events, status ${runs.engine.result.status}` : 'not available'}`);

// ------------------------------------------------------------------ VS Code theme variables (preview only)
const THEMES = {
  dark: { cls: 'vscode-dark', vars: {
    'font-family': '"Segoe WPC", "Segoe UI", "DejaVu Sans", sans-serif', 'font-size': '13px', 'editor-font-family': '"DejaVu Sans Mono", monospace', 'editor-font-size': '12px',
    foreground: '#cccccc', 'editor-foreground': '#cccccc', 'editor-background': '#1f1f1f', descriptionForeground: '#9d9d9d', 'panel-border': '#2b2b2b', 'widget-border': '#313131',
    'editorWidget-background': '#202020', 'editorWidget-border': '#454545', 'sideBar-background': '#181818', focusBorder: '#0078d4', 'editorLineNumber-foreground': '#6e7681',
    'textLink-foreground': '#4daafc', 'badge-background': '#616161', 'badge-foreground': '#f8f8f8', 'charts-blue': '#3794ff', 'charts-purple': '#b180d7', 'charts-orange': '#d18616',
    'charts-yellow': '#cca700', 'charts-green': '#89d185', 'charts-red': '#f14c4c', errorForeground: '#f85149', 'editorWarning-foreground': '#cca700',
    'editor-findMatchHighlightBackground': 'rgba(234, 92, 0, 0.33)', 'list-hoverBackground': '#2a2d2e', 'list-inactiveSelectionBackground': '#37373d', 'textCodeBlock-background': '#2b2b2b',
    'inputValidation-infoBackground': '#063b49', 'inputValidation-infoBorder': '#007acc', 'widget-shadow': 'rgba(0, 0, 0, 0.36)',
    'button-background': '#0078d4', 'button-foreground': '#ffffff', 'button-hoverBackground': '#026ec1', 'button-secondaryBackground': '#313131', 'button-secondaryForeground': '#cccccc', 'button-secondaryHoverBackground': '#3c3c3c',
    'input-background': '#313131', 'input-foreground': '#cccccc', 'input-border': '#3c3c3c', 'input-placeholderForeground': '#989898', 'checkbox-background': '#313131', 'checkbox-border': '#3c3c3c', 'checkbox-foreground': '#cccccc',
    'dropdown-background': '#313131', 'dropdown-border': '#3c3c3c', 'dropdown-foreground': '#cccccc', 'panelTitle-activeForeground': '#e7e7e7', 'panelTitle-activeBorder': '#0078d4', 'panelTitle-inactiveForeground': '#9d9d9d',
    'progressBar-background': '#0078d4', 'toolbar-hoverBackground': 'rgba(90, 93, 94, 0.31)', 'icon-foreground': '#cccccc', 'contrastBorder': '',
  } },
  light: { cls: 'vscode-light', vars: {
    'font-family': '"Segoe WPC", "Segoe UI", "DejaVu Sans", sans-serif', 'font-size': '13px', 'editor-font-family': '"DejaVu Sans Mono", monospace', 'editor-font-size': '12px',
    foreground: '#3b3b3b', 'editor-foreground': '#3b3b3b', 'editor-background': '#ffffff', descriptionForeground: '#717171', 'panel-border': '#e5e5e5', 'widget-border': '#e5e5e5',
    'editorWidget-background': '#f8f8f8', 'editorWidget-border': '#c8c8c8', 'sideBar-background': '#f8f8f8', focusBorder: '#005fb8', 'editorLineNumber-foreground': '#6e7681',
    'textLink-foreground': '#005fb8', 'badge-background': '#cccccc', 'badge-foreground': '#3b3b3b', 'charts-blue': '#1a85ff', 'charts-purple': '#652d90', 'charts-orange': '#d18616',
    'charts-yellow': '#bf8803', 'charts-green': '#388a34', 'charts-red': '#e51400', errorForeground: '#f85149', 'editorWarning-foreground': '#bf8803',
    'editor-findMatchHighlightBackground': 'rgba(234, 92, 0, 0.33)', 'list-hoverBackground': '#f2f2f2', 'list-inactiveSelectionBackground': '#e4e6f1', 'textCodeBlock-background': '#f8f8f8',
    'inputValidation-infoBackground': '#d6ecf2', 'inputValidation-infoBorder': '#007acc', 'widget-shadow': 'rgba(0, 0, 0, 0.16)',
    'button-background': '#005fb8', 'button-foreground': '#ffffff', 'button-hoverBackground': '#0258a8', 'button-secondaryBackground': '#e5e5e5', 'button-secondaryForeground': '#3b3b3b', 'button-secondaryHoverBackground': '#cccccc',
    'input-background': '#ffffff', 'input-foreground': '#3b3b3b', 'input-border': '#cecece', 'input-placeholderForeground': '#767676', 'checkbox-background': '#f8f8f8', 'checkbox-border': '#cecece', 'checkbox-foreground': '#3b3b3b',
    'dropdown-background': '#ffffff', 'dropdown-border': '#cecece', 'dropdown-foreground': '#3b3b3b', 'panelTitle-activeForeground': '#3b3b3b', 'panelTitle-activeBorder': '#005fb8', 'panelTitle-inactiveForeground': '#3b3b3b',
    'progressBar-background': '#005fb8', 'toolbar-hoverBackground': 'rgba(184, 184, 184, 0.31)', 'icon-foreground': '#3b3b3b', 'contrastBorder': '',
  } },
  hc: { cls: 'vscode-high-contrast', vars: {
    'font-family': '"Segoe WPC", "Segoe UI", "DejaVu Sans", sans-serif', 'font-size': '13px', 'editor-font-family': '"DejaVu Sans Mono", monospace', 'editor-font-size': '12px',
    foreground: '#ffffff', 'editor-foreground': '#ffffff', 'editor-background': '#000000', descriptionForeground: 'rgba(255, 255, 255, 0.7)', 'panel-border': '#6fc3df', 'contrastBorder': '#6fc3df',
    'editorWidget-background': '#0c141f', 'editorWidget-border': '#6fc3df', 'sideBar-background': '#000000', focusBorder: '#f38518', 'editorLineNumber-foreground': '#ffffff',
    'textLink-foreground': '#21a6ff', 'badge-background': '#000000', 'badge-foreground': '#ffffff', 'charts-blue': '#3794ff', 'charts-purple': '#b180d7', 'charts-orange': '#d18616',
    'charts-yellow': '#ffd700', 'charts-green': '#89d185', 'charts-red': '#f48771', errorForeground: '#f48771', 'editorWarning-foreground': '#ffd700',
    'editor-findMatchHighlightBackground': 'rgba(0,0,0,0)', 'list-hoverBackground': 'rgba(0,0,0,0)', 'textCodeBlock-background': '#000000',
    'button-background': '#000000', 'button-foreground': '#ffffff', 'button-border': '#6fc3df', 'button-secondaryBackground': '#000000', 'button-secondaryForeground': '#ffffff',
    'input-background': '#000000', 'input-foreground': '#ffffff', 'input-border': '#6fc3df', 'checkbox-background': '#000000', 'checkbox-border': '#6fc3df', 'checkbox-foreground': '#ffffff',
    'dropdown-background': '#000000', 'dropdown-border': '#6fc3df', 'dropdown-foreground': '#ffffff', 'panelTitle-activeForeground': '#ffffff', 'panelTitle-activeBorder': '#6fc3df', 'panelTitle-inactiveForeground': '#ffffff',
    'progressBar-background': '#6fc3df', 'icon-foreground': '#ffffff', 'widget-shadow': 'rgba(0,0,0,0)',
  } },
};
function themeCss(t) {
  return `:root{${Object.entries(THEMES[t].vars).filter(([, v]) => v).map(([k, v]) => `--vscode-${k}:${v};`).join('')}}`;
}

// ------------------------------------------------------------------ server
const server = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://x');
  if (url.pathname === '/') {
    const theme = url.searchParams.get('theme') ?? 'dark';
    const origin = `http://${req.headers.host}`;
    const nonce = makeNonce();
    let html = panelHtml({ cspSource: origin, nonce, scriptUri: `${origin}/dist/webview.js`, styleUri: `${origin}/media/panel.css` });
    html = html.replace('</head>', `<style nonce="${nonce}">${themeCss(theme)}</style></head>`);
    html = html.replace('<body ', `<body class="${THEMES[theme].cls}" `);
    const fake = `<script nonce="${nonce}">document.addEventListener('securitypolicyviolation',(e)=>console.error('CSP '+e.violatedDirective+' '+(e.target&&(e.target.tagName||e.target.nodeName))+' in '+((e.target&&e.target.getRootNode&&e.target.getRootNode().host||{}).tagName||'document')+' '+e.sample));window.acquireVsCodeApi=()=>({postMessage:(m)=>window.__toHost(m),getState:()=>JSON.parse(sessionStorage.getItem('s')||'null'),setState:(s)=>sessionStorage.setItem('s',JSON.stringify(s))});</script>`;
    html = html.replace('<script nonce', `${fake}<script nonce`);
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(html);
    return;
  }
  if (url.pathname === '/favicon.ico') { res.writeHead(204); res.end(); return; }
  const file = path.join(root, url.pathname);
  if (!file.startsWith(path.join(root, 'dist')) && !file.startsWith(path.join(root, 'media'))) { res.writeHead(404); res.end(); return; }
  fs.readFile(file, (err, data) => {
    if (err) { res.writeHead(404); res.end(); return; }
    res.writeHead(200, { 'content-type': file.endsWith('.js') ? 'text/javascript' : file.endsWith('.css') ? 'text/css' : 'application/octet-stream' });
    res.end(data);
  });
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const port = server.address().port;

const { chromium } = await import('playwright-core');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'] });
const errors = [];
const highlights = [];

async function openPanel(run, theme, size = { width: 1400, height: 860 }) {
  const page = await browser.newPage({ viewport: size, deviceScaleFactor: 1 });
  page.on('pageerror', (e) => errors.push(`${theme}: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`${theme} console: ${m.text()}`); });
  let chain = Promise.resolve();
  const post = (m) => { chain = chain.then(() => page.evaluate((msg) => window.postMessage(msg, '*'), m)).catch(() => {}); };
  const source = {
    currentRun: () => run,
    onDidChange: () => ({ dispose() {} }),
    highlightLine: (uri, line) => highlights.push(line),
    revealLine: () => {},
  };
  const controller = new PanelController(post, source, () => true);
  await page.exposeFunction('__toHost', (m) => controller.onMessage(m));
  await page.goto(`http://127.0.0.1:${port}/?theme=${theme}`);
  await page.waitForFunction(() => window.__panel?.current.snapshot !== null, null, { timeout: 15000 });
  const settle = async () => { await chain; await page.waitForTimeout(700); };
  return { page, controller, settle, flush: () => chain };
}

async function gotoStep(p, step) {
  await p.page.evaluate((s) => window.__panel.dispatch({ type: 'goto', step: s }), step);
  await p.page.waitForFunction((s) => window.__panel.current.snapshot?.step === s, step, { timeout: 10000 });
}
const act = (p, a) => p.page.evaluate((x) => window.__panel.dispatch(x), a);
fs.mkdirSync(outDir, { recursive: true });
const shot = async (p, name) => {
  if (only && !name.includes(only)) return;
  await p.settle();
  const file = path.join(outDir, `panel-${name}.png`);
  await p.page.screenshot({ path: file });
  console.log(`[preview] ${path.relative(root, file)}`);
};

const cycleStep = (run) => Math.max(0, [...Array(run.timeline.stepCount).keys()].filter((s) => run.timeline.stepInfo(s).line === 17).pop() ?? run.timeline.stepCount - 3);

// ------------------------------------------------------------------ interaction checks (as a user would)
const failures = [];
async function check(name, fn) {
  try {
    await fn();
    console.log(`[check] ok   ${name}`);
  } catch (e) {
    failures.push(name);
    console.log(`[check] FAIL ${name}: ${e.message.split('\n')[0]}`);
  }
}
function expect(cond, what) {
  if (!cond) throw new Error(what);
}
const state = (p) => p.page.evaluate(() => { const s = window.__panel.current; return { step: s.step, tab: s.tab, playing: s.playing, selected: s.selected, showShared: s.showShared, snapStep: s.snapshot?.step, page: s.eventPage ? s.eventPage.events.length : -1, kinds: s.kinds }; });
const until = (p, fn, arg) => p.page.waitForFunction(fn, arg, { timeout: 8000 });

async function runChecks() {
  const run = runs.cycle;
  const last = run.timeline.stepCount - 1;
  const p = await openPanel(run, 'dark');
  await p.page.locator('.heap-canvas').click({ position: { x: 5, y: 5 } });
  await check('arrow keys step; Shift+arrow jumps 10; Home/End', async () => {
    await p.page.keyboard.press('Home');
    await p.page.keyboard.press('ArrowRight');
    expect((await state(p)).step === 1, 'ArrowRight -> step 1');
    await p.page.keyboard.press('Shift+ArrowRight');
    expect((await state(p)).step === 11, 'Shift+ArrowRight -> step 11');
    await p.page.keyboard.press('End');
    expect((await state(p)).step === last, 'End -> last step');
    await until(p, (s) => window.__panel.current.snapshot?.step === s, last);
  });
  await check('the host highlights the scrubbed line in the editor', async () => {
    const n = highlights.length;
    await p.page.keyboard.press('Home');
    await until(p, () => window.__panel.current.snapshot?.step === 0);
    expect(highlights.length > n && highlights[highlights.length - 1] === run.timeline.stepInfo(0).line, `highlighted ${highlights[highlights.length - 1]}`);
  });
  await check('Space plays and pauses', async () => {
    await p.page.keyboard.press('Space');
    await until(p, () => window.__panel.current.step >= 3);
    await p.page.keyboard.press('Space');
    const s1 = (await state(p)).step;
    await p.page.waitForTimeout(600);
    expect(!(await state(p)).playing && (await state(p)).step === s1, 'paused');
  });
  await check('a click on the timeline strip scrubs', async () => {
    const box = await p.page.locator('.tl-strip').boundingBox();
    await p.page.mouse.click(box.x + box.width * 0.5, box.y + box.height / 2);
    const st = (await state(p)).step;
    expect(Math.abs(st - Math.round(last * 0.5)) <= 1, `step ${st}`);
  });
  await check('a click on an object selects it and the inspector shows it', async () => {
    const step = cycleStep(run);
    await gotoStep(p, step);
    const node = run.timeline.stateAt(step).objects.find((o) => o.type === 'Node');
    await p.settle();
    const r = await p.page.evaluate((id) => window.__panel.heapNodeRect(id), node.id);
    expect(r, 'node drawn');
    await p.page.mouse.click(r.x + r.w / 2, r.y + r.h / 2);
    expect((await state(p)).selected === node.id, 'selected');
    const text = await p.page.locator('.inspector').innerText();
    expect(text.includes('Node') && text.includes('sys.getrefcount()'), 'inspector content');
  });
  await check('a click on a name in a frame selects the object it is bound to', async () => {
    await p.page.keyboard.press('Escape');
    const step = cycleStep(run);
    const st = run.timeline.stateAt(step);
    const names = st.frames[0].names;
    const slot = names.findIndex((n) => n.name === 'data');
    const pt = await p.page.evaluate((i) => {
      const s = window.__panel.current;
      const c = document.querySelector('.heap-canvas').getBoundingClientRect();
      return { x: c.left + s.panX + 60 * s.zoom, y: c.top + s.panY + (26 + i * 22 + 11) * s.zoom };
    }, slot);
    await p.page.mouse.click(pt.x, pt.y);
    expect((await state(p)).selected === names[slot].obj, `selected ${(await state(p)).selected}`);
  });
  await check('the shared-objects checkbox shows small ints and None', async () => {
    await p.page.locator('vscode-checkbox', { hasText: 'Shared objects' }).click();
    expect((await state(p)).showShared, 'toggled');
    await p.page.locator('vscode-checkbox', { hasText: 'Shared objects' }).click();
    expect(!(await state(p)).showShared, 'toggled back');
  });
  await check('key 2 opens the event log; unticking a kind filters it; a row moves the scrubber', async () => {
    await p.page.locator('.heap-canvas').click({ position: { x: 5, y: 5 } });
    await p.page.keyboard.press('2');
    await until(p, () => window.__panel.current.eventPage !== null);
    await p.page.locator('.events-view vscode-checkbox', { hasText: 'other' }).click({ timeout: 5000 });
    await until(p, () => window.__panel.current.eventPage !== null && !window.__panel.current.kinds.includes('other'));
    const kinds = await p.page.locator('.events-table tbody td.kind').allInnerTexts();
    expect(kinds.length > 0 && !kinds.some((k) => k === 'line' || k === 'call' || k === 'output'), `kinds shown: ${[...new Set(kinds)]}`);
    const row = p.page.locator('.events-table tbody tr').nth(2);
    const rowStep = Number(await row.locator('td').nth(1).innerText()) - 1;
    await row.click();
    expect((await state(p)).step === rowStep, `step ${rowStep}`);
  });
  await check('a click on an editor line moves the scrubber to that line', async () => {
    const line = 13;
    expect(p.controller.revealLine(line), 'line ran');
    await p.flush();
    await until(p, (l) => window.__panel.current.snapshot?.line === l, line);
  });
  await check('the view state survives a reload (getState/setState)', async () => {
    await p.page.keyboard.press('3');
    await gotoStep(p, 7);
    await p.page.waitForTimeout(500);
    await p.page.reload();
    await until(p, () => window.__panel?.current.snapshot?.step === 7);
    expect((await state(p)).tab === 'gc', 'tab restored');
  });
  await p.page.close();
}

try {
  if (!only || only === 'check') await runChecks();
  for (const theme of ['dark', 'light', 'hc']) {
    if (only && !`heap-${theme}`.includes(only) && only !== theme) continue;
    const p = await openPanel(runs.cycle, theme);
    await gotoStep(p, cycleStep(runs.cycle));
    const a = runs.cycle.timeline.stateAt(cycleStep(runs.cycle)).objects.find((o) => o.type === 'Node');
    if (a) await act(p, { type: 'select', id: a.id });
    await shot(p, `heap-${theme}`);
    await p.page.close();
  }
  if (runs.engine) {
    // the real engine: the step after `del` (the cycle is unreachable), then its recorded collection
    const { gcViewFromEvents } = await imp('src/host/panel/gcview.ts');
    const tl = runs.engine.timeline;
    const steps = [...Array(tl.stepCount).keys()];
    // the collection that found garbage (the last one if none did)
    const evs = runs.engine.result.events.slice();
    const starts = evs.map((e, i) => (e.k === 'gc' && e.phase === 'start' ? i : -1)).filter((i) => i >= 0);
    const found = (i) => { for (let j = i + 1; j < evs.length && !(evs[j].k === 'gc' && evs[j].phase === 'stop'); j++) if (evs[j].k === 'gc' && evs[j].phase === 'move_unreachable' && evs[j].objs?.length) return true; return false; };
    const gcEvent = starts.find(found) ?? starts.pop() ?? -1;
    const gcStep = gcEvent >= 0 ? steps.filter((s) => tl.stepInfo(s).firstEvent <= gcEvent).pop() : tl.stepCount - 1;
    const before = Math.max(0, gcStep - 1);
    const p = await openPanel(runs.engine, 'dark');
    await gotoStep(p, before);
    await shot(p, 'engine-dark');
    const view = gcEvent >= 0 ? gcViewFromEvents(runs.engine.result.events, gcEvent, before) : null;
    if (view) {
      p.controller.showGcSimulation(view);
      await p.flush();
      await p.page.waitForFunction(() => window.__panel.current.gcSim !== null);
      await act(p, { type: 'gcPhase', phase: view.phases.findIndex((ph) => ph.phase === 'move_unreachable') });
      await shot(p, 'engine-gc-dark');
    }
    await act(p, { type: 'gcSimulation', simulation: null });
    const stopEvent = evs.findIndex((e, i) => i > gcEvent && e.k === 'gc' && e.phase === 'stop');
    await gotoStep(p, stopEvent >= 0 ? steps.filter((s) => tl.stepInfo(s).firstEvent <= stopEvent).pop() : gcStep);
    await shot(p, 'engine-collected-dark');
    await p.page.close();
  }
  {
    const p = await openPanel(runs.cycle, 'dark');
    const step = cycleStep(runs.cycle) + 1;
    await gotoStep(p, step);
    p.controller.showGcSimulation(fx.cycleGcView(runs.cycle));
    await p.flush();
    await p.page.waitForFunction(() => window.__panel.current.gcSim !== null);
    await act(p, { type: 'gcPhase', phase: 2 });
    await shot(p, 'gc-collect-dark');
    await act(p, { type: 'gcSimulation', simulation: null });
    await act(p, { type: 'tab', tab: 'events' });
    await p.page.waitForFunction(() => window.__panel.current.eventPage !== null);
    await shot(p, 'events-dark');
    await p.page.close();
  }
  {
    const p = await openPanel(runs.records, 'dark');
    await act(p, { type: 'tab', tab: 'gc' });
    await gotoStep(p, 700);
    await shot(p, 'gc-dark');
    await act(p, { type: 'tab', tab: 'memory' });
    await shot(p, 'memory-dark');
    await act(p, { type: 'tab', tab: 'heap' });
    await gotoStep(p, runs.records.timeline.stepCount - 2);
    await p.page.evaluate(() => window.__panel.current);
    await p.page.evaluate(() => document.querySelector('vscode-button[title^="Fit"]').click());
    await shot(p, 'scale-fit-dark');
    await act(p, { type: 'search', text: 'user399' });
    await p.page.evaluate(() => document.querySelector('vscode-button[title^="Zoom out"]').click());
    await shot(p, 'scale-dark');
    await act(p, { type: 'search', text: '' });
    await act(p, { type: 'collapse', mode: 'on' });
    await p.page.evaluate(() => document.querySelector('vscode-button[title^="Fit"]').click());
    await shot(p, 'collapse-dark');
    await act(p, { type: 'collapse', mode: 'auto' });
    if (measure) {
      // the same protocol as the library comparison in webview/README.md: 2,001 nodes, zoom 0.5,
      // 60 frames of pan + zoom, each waiting for the next animation frame
      const m = await p.page.evaluate(async () => {
        const g = window.__panel;
        const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
        g.dispatch({ type: 'search', text: '' });
        g.dispatch({ type: 'collapse', mode: 'off' });
        g.dispatch({ type: 'showShared', show: true });
        g.dispatch({ type: 'view', zoom: 0.5, panX: 0, panY: 0 });
        await frame();
        await frame();
        let zoom = 0.5;
        let draw = 0;
        const t0 = performance.now();
        let dispatchMs = 0;
        for (let i = 0; i < 60; i++) {
          zoom *= i % 2 ? 1.02 : 0.98;
          const t1 = performance.now();
          g.dispatch({ type: 'view', zoom, panX: -i * 15, panY: -i * 8 });
          dispatchMs += performance.now() - t1;
          await frame();
          draw += g.heapDrawMs();
        }
        return { objects: g.current.snapshot.objects.length, frameMs: (performance.now() - t0) / 60, drawMs: draw / 60, dispatchMs: dispatchMs / 60, stats: g.heapDrawStats() };
      });
      // scrub: 40 step round trips through the real controller (host time measured in Node, render in the page)
      let hostMs = 0;
      const orig = p.controller.onMessage.bind(p.controller);
      p.controller.onMessage = (msg) => { const t = performance.now(); orig(msg); if (msg.type === 'requestStep') hostMs += performance.now() - t; };
      let renderMs = 0;
      const t0 = Date.now();
      for (let i = 0; i < 40; i++) {
        await gotoStep(p, runs.records.timeline.stepCount - 3 - i * 25);
        renderMs += await p.page.evaluate(() => window.__panel.lastStepRenderMs + window.__panel.heapDrawMs());
      }
      const scrubMs = (Date.now() - t0) / 40;
      console.log(`[measure] ${m.objects} objects: pan/zoom frame ${m.frameMs.toFixed(1)} ms avg (canvas draw ${m.drawMs.toFixed(1)} ms, state+DOM ${m.dispatchMs.toFixed(1)} ms; last frame: edges ${m.stats.edgesMs.toFixed(1)} ms, ${m.stats.nodes} nodes ${m.stats.nodesMs.toFixed(1)} ms); scrub: host ${(hostMs / 40).toFixed(1)} ms + webview render ${(renderMs / 40).toFixed(1)} ms per step; whole round trip through Playwright ${scrubMs.toFixed(1)} ms`);
    }
    await p.page.close();
  }
  {
    const p = await openPanel(runs.records, 'light');
    await act(p, { type: 'tab', tab: 'memory' });
    // objgraph's show_growth: a baseline at step 300, then the growth by step 900
    await gotoStep(p, 300);
    await p.page.getByText('Set baseline here').click();
    await gotoStep(p, 900);
    const grew = await p.page.locator('.types-table td.plus').count();
    if (!grew) failures.push('the types table shows no growth after a baseline');
    await shot(p, 'memory-light');
    await p.page.close();
  }
  if (runs.heap) {
    const p = await openPanel(runs.heap, 'dark');
    await act(p, { type: 'tab', tab: 'memory' });
    await gotoStep(p, runs.heap.timeline.stepCount - 2);
    await shot(p, 'memory-heapmap-dark');
    await p.page.close();
  }
  {
    const p = await openPanel(runs.threads, 'dark');
    await act(p, { type: 'tab', tab: 'gil' });
    await gotoStep(p, 30);
    await shot(p, 'gil-dark');
    await p.page.close();
  }
  if (runs.processes) {
    const p = await openPanel(runs.processes, 'light');
    await act(p, { type: 'tab', tab: 'gil' });
    await gotoStep(p, runs.processes.timeline.stepCount - 1);
    await shot(p, 'gil-processes-light');
    await p.page.close();
  }
} finally {
  await browser.close();
  server.close();
}
console.log(`[preview] editor highlights asked: ${highlights.length}`);
if (failures.length) {
  console.error(`[preview] ${failures.length} interaction check(s) failed: ${failures.join('; ')}`);
  process.exit(1);
}
if (errors.length) {
  console.error('[preview] page errors:\n' + errors.join('\n'));
  process.exit(1);
}
