// CodeLens above lines that allocate or free; clicking opens the memory panel at the line's last step.
import * as vscode from 'vscode';
import { readSettings } from '../config';
import { lensTitle, lensTooltip, refcountChanges, wantsLens, withoutTeardown } from '../present/codelens';
import { scan } from '../present/source';
import { timelineOf } from '../simulation/timelines';
import { entryFor, t, type HostContext } from './context';

/** Refcount details cost two heap replays per line: computed within this many milliseconds per document. */
const DETAIL_BUDGET_MS = 300;

export class MemoryCodeLensProvider implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.emitter.event;
  private readonly subs: vscode.Disposable[] = [this.emitter];

  constructor(private readonly ctx: HostContext) {
    const sub = ctx.service.onEvent((e) => {
      if (e.kind === 'finished' || e.kind === 'forgotten') this.emitter.fire();
    });
    this.subs.push(
      { dispose: () => sub.dispose() },
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('pythonMemoryLens.codeLens')) this.emitter.fire();
      }),
    );
  }

  async provideCodeLenses(doc: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.CodeLens[]> {
    const settings = readSettings(doc.uri);
    if (!settings.codeLensEnabled) return [];
    const entry = await entryFor(this.ctx, doc, 8000, token);
    if (!entry || token.isCancellationRequested) return [];
    const tl = timelineOf(entry);
    if (!tl) return [];
    const src = scan(entry.source);
    const lenses: vscode.CodeLens[] = [];
    const detailUntil = Date.now() + DETAIL_BUDGET_MS;
    const summaries = [...tl.lineSummaries().values()].map((s) => withoutTeardown(tl, s)).filter(wantsLens).sort((a, b) => a.line - b.line);
    for (const s of summaries) {
      if (s.line < 1 || s.line > doc.lineCount) continue;
      const changes = settings.codeLensDetail === 'detailed' && Date.now() < detailUntil ? refcountChanges(tl, src, s) : [];
      const range = doc.lineAt(s.line - 1).range;
      lenses.push(
        new vscode.CodeLens(range, {
          title: lensTitle(s, settings.codeLensDetail, t, changes),
          tooltip: lensTooltip(s, t),
          command: 'pythonMemoryLens.stepToLine',
          arguments: [doc.uri, s.line],
        }),
      );
    }
    return lenses;
  }

  dispose(): void {
    for (const d of this.subs.splice(0)) d.dispose();
  }
}
