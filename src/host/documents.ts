// Feeds the SimulationService from the editor: Python documents are simulated when opened, saved,
// edited (debounced, if live update is on) and when the Python version or budgets change.
import * as vscode from 'vscode';
import { affectsSimulation, readSettings } from './config';
import type { PythonVersionResolver } from './pythonVersion';
import type { DocSnapshot, SimulationService } from './simulation/service';

const SKIPPED_SCHEMES = new Set(['git', 'output', 'vscode-notebook-cell', 'vscode-interactive-input', 'gitlens']);

export function isSimulated(doc: vscode.TextDocument): boolean {
  return doc.languageId === 'python' && !SKIPPED_SCHEMES.has(doc.uri.scheme);
}

export function snapshotOf(doc: vscode.TextDocument): DocSnapshot {
  return {
    key: doc.uri.toString(),
    docVersion: doc.version,
    source: doc.getText(),
    filename: doc.uri.scheme === 'file' ? doc.uri.fsPath : doc.uri.path.split('/').pop() || doc.uri.toString(),
  };
}

export class DocumentTracker implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly service: SimulationService,
    resolver: PythonVersionResolver,
  ) {
    this.disposables.push(
      vscode.workspace.onDidOpenTextDocument((d) => this.simulate(d, 0)),
      vscode.workspace.onDidSaveTextDocument((d) => this.simulate(d, 0)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length === 0 || !isSimulated(e.document)) return;
        const s = readSettings(e.document.uri);
        if (s.liveUpdate) this.simulate(e.document, s.debounceMs);
        else this.service.invalidate(e.document.uri.toString(), e.document.version);
      }),
      vscode.workspace.onDidCloseTextDocument((d) => this.service.forget(d.uri.toString())),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (affectsSimulation(e)) this.simulateAll();
      }),
      resolver.onDidChange(() => this.simulateAll()),
    );
    this.simulateAll();
  }

  /** (Re-)simulate a document: `delayMs` 0 for open/save/commands, the debounce for edits. */
  simulate(doc: vscode.TextDocument, delayMs: number): void {
    if (isSimulated(doc)) this.service.schedule(snapshotOf(doc), delayMs);
  }

  simulateAll(): void {
    for (const d of vscode.workspace.textDocuments) this.simulate(d, 0);
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
