// The memory panel's data source: the finished run of the Python document the panel follows (the
// last active Python editor), editor line highlighting while scrubbing, and revealing lines.
import * as vscode from 'vscode';
import type { GcSimulationView } from '../protocol/panel';
import { gcViewFromEvents, type PanelDataSource, type PanelRun, type Unsubscribe } from './panel/index';
import type { SimulationRunner } from './simulation/runner';
import type { SimulationEntry, SimulationService } from './simulation/service';
import { timelineOf } from './simulation/timelines';

function docFor(uri: string): vscode.TextDocument | undefined {
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
}

export class PanelSource implements PanelDataSource, vscode.Disposable {
  private uri: string | undefined;
  private readonly runs = new WeakMap<SimulationEntry, PanelRun>();
  private readonly listeners = new Set<() => void>();
  private readonly highlight = vscode.window.createTextEditorDecorationType({
    isWholeLine: true,
    backgroundColor: new vscode.ThemeColor('editor.rangeHighlightBackground'),
    overviewRulerColor: new vscode.ThemeColor('editorOverviewRuler.rangeHighlightForeground'),
    overviewRulerLane: vscode.OverviewRulerLane.Center,
  });
  private readonly sub: { dispose(): void };

  constructor(
    private readonly service: SimulationService,
    private readonly runner?: SimulationRunner,
  ) {
    this.sub = service.onEvent((e) => {
      const key = e.kind === 'finished' ? e.entry.key : e.key;
      if (key === this.uri) this.fire();
    });
  }

  get followedUri(): string | undefined {
    return this.uri;
  }

  /** Follow another document (no-op if already followed). */
  follow(uri: vscode.Uri): void {
    const key = uri.toString();
    if (key === this.uri) return;
    if (this.uri) this.highlightLine(this.uri, null);
    this.uri = key;
    this.fire();
  }

  /** The run of the followed document: its current version's, or while that runs, the last one. */
  currentRun(): PanelRun | undefined {
    if (!this.uri) return undefined;
    const doc = docFor(this.uri);
    const entry = (doc && this.service.get(this.uri, doc.version)) ?? this.service.latest(this.uri);
    return entry ? this.runOf(entry) : undefined;
  }

  runOf(entry: SimulationEntry): PanelRun | undefined {
    const cached = this.runs.get(entry);
    if (cached) return cached;
    const timeline = timelineOf(entry);
    if (!entry.result || !timeline) return undefined;
    const run: PanelRun = {
      uri: entry.key,
      fileName: vscode.Uri.parse(entry.key).path.split('/').pop() ?? entry.key,
      documentVersion: entry.docVersion,
      result: entry.result,
      timeline,
      source: entry.source,
    };
    this.runs.set(entry, run);
    return run;
  }

  /**
   * "What would gc.collect() do after `step`": re-runs the same source and version in a worker up to
   * that step and collects there. The run's own timeline is not changed.
   */
  async simulateGc(run: PanelRun, step: number, generation: number): Promise<GcSimulationView | string> {
    if (!this.runner) return 'Simulating gc.collect() needs the simulation worker.';
    if (run.source === undefined) return 'The source of this run is no longer available.';
    const outcome = await this.runner.run({
      source: run.source,
      version: run.result.version,
      budgets: {},
      filename: run.fileName,
      gcWhatIf: { step, generation },
    }).done;
    if (outcome.kind !== 'result') return outcome.kind === 'cancelled' ? 'The gc.collect() simulation was cancelled.' : `The gc.collect() simulation failed: ${outcome.message}`;
    const w = outcome.result.gcWhatIf;
    if (!w) return 'The program did not reach that step.';
    return gcViewFromEvents(outcome.result.events, w.firstEvent, step) ?? 'The collection recorded no phases.';
  }

  onDidChange(listener: () => void): Unsubscribe {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  isBusy(): boolean {
    return !!this.uri && this.service.isRunning(this.uri);
  }

  highlightLine(uri: string, line: number | null): void {
    const doc = docFor(uri);
    const run = this.currentRun();
    for (const editor of vscode.window.visibleTextEditors) {
      if (editor.document.uri.toString() !== uri) continue;
      // only lines of the version that was simulated are meaningful
      if (line === null || !doc || !run || run.documentVersion !== doc.version || line < 1 || line > doc.lineCount) {
        editor.setDecorations(this.highlight, []);
        continue;
      }
      const range = doc.lineAt(line - 1).range;
      editor.setDecorations(this.highlight, [range]);
      editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    }
  }

  async revealLine(uri: string, line: number): Promise<void> {
    const doc = docFor(uri) ?? (await vscode.workspace.openTextDocument(vscode.Uri.parse(uri)));
    const editor = await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.One, preserveFocus: false });
    const l = Math.min(Math.max(line - 1, 0), doc.lineCount - 1);
    const range = doc.lineAt(l).range;
    editor.selection = new vscode.Selection(range.start, range.start);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  private fire(): void {
    for (const l of [...this.listeners]) l();
  }

  dispose(): void {
    this.sub.dispose();
    this.listeners.clear();
    this.highlight.dispose();
  }
}
