// The status bar item for the active Python editor: simulation state and live object count.
import * as vscode from 'vscode';
import { statusView, stopLineOf, type StatusInput } from '../present/status';
import { isSimulated } from '../documents';
import { t, type HostContext } from './context';
import type { ObjectInfo } from '../../engine/api';
import { stateAtProgramEnd } from '../present/timeline';
import type { SimulationEntry } from '../simulation/service';
import { timelineOf } from '../simulation/timelines';

const liveCache = new WeakMap<SimulationEntry, ObjectInfo[] | undefined>();

/** Objects alive when the program finished (one replay per entry, cached). */
function liveAtEnd(entry: SimulationEntry): ObjectInfo[] | undefined {
  if (liveCache.has(entry)) return liveCache.get(entry);
  const tl = timelineOf(entry);
  const live = tl && !entry.result?.eventsTruncated ? stateAtProgramEnd(tl).objects : undefined;
  liveCache.set(entry, live);
  return live;
}

export class MemoryStatusBar implements vscode.Disposable {
  readonly item = vscode.window.createStatusBarItem('pythonMemoryLens.status', vscode.StatusBarAlignment.Right, 100);
  private readonly subs: vscode.Disposable[] = [];

  constructor(private readonly ctx: HostContext) {
    this.item.name = t('Python Memory Lens');
    this.item.command = 'pythonMemoryLens.openPanel';
    const sub = ctx.service.onEvent(() => this.update());
    this.subs.push(
      { dispose: () => sub.dispose() },
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === vscode.window.activeTextEditor?.document) this.update();
      }),
    );
    this.update();
  }

  /** The state shown for a document right now (also used by tests through the API). */
  inputFor(doc: vscode.TextDocument): StatusInput | undefined {
    const key = doc.uri.toString();
    const entry = this.ctx.service.get(key, doc.version);
    if (entry?.result) return { kind: 'done', result: entry.result, stopLine: stopLineOf(entry.result), live: liveAtEnd(entry) };
    if (entry?.error) return { kind: 'crashed', message: entry.error };
    if (this.ctx.service.isRunning(key)) return { kind: 'running' };
    return this.ctx.service.latest(key) ? { kind: 'stale' } : undefined;
  }

  update(): void {
    const doc = vscode.window.activeTextEditor?.document;
    const input = doc && isSimulated(doc) ? this.inputFor(doc) : undefined;
    if (!input) {
      this.item.hide();
      return;
    }
    const view = statusView(input, t);
    this.item.text = view.text;
    this.item.tooltip = view.tooltip + '\n\n' + t('Click to open the memory panel');
    this.item.backgroundColor =
      view.tone === 'error' ? new vscode.ThemeColor('statusBarItem.errorBackground') : view.tone === 'warning' ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.show();
  }

  dispose(): void {
    for (const d of this.subs.splice(0)) d.dispose();
    this.item.dispose();
  }
}
