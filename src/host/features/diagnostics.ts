// Publishes a simulation's diagnostics (Information/Hint) for the document version it belongs to,
// and withdraws them as soon as the document changes.
import * as vscode from 'vscode';
import type { SourceRange } from '../../engine/api';
import { presentDiagnostics } from '../present/diagnostics';
import type { SimulationEntry } from '../simulation/service';
import { timelineOf } from '../simulation/timelines';
import { t, type HostContext } from './context';

export const DIAGNOSTIC_SOURCE = 'Python Memory Lens';

function toRange(doc: vscode.TextDocument, r: SourceRange): vscode.Range {
  const line = (l: number) => Math.min(Math.max(l - 1, 0), doc.lineCount - 1);
  const start = new vscode.Position(line(r.startLine), Math.max(0, r.startCol));
  let end = new vscode.Position(line(r.endLine), Math.max(0, r.endCol));
  if (end.isBeforeOrEqual(start)) end = doc.lineAt(start.line).range.end; // empty: the whole line
  return doc.validateRange(new vscode.Range(start, end.isBefore(start) ? start : end));
}

export class MemoryDiagnostics implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('pythonMemoryLens');
  private readonly sub: { dispose(): void };

  constructor(ctx: HostContext) {
    this.sub = ctx.service.onEvent((e) => {
      if (e.kind === 'finished') this.publish(e.entry);
      else if (e.kind === 'invalidated') this.collection.delete(vscode.Uri.parse(e.key));
      else if (e.kind === 'forgotten') this.collection.delete(vscode.Uri.parse(e.key));
    });
  }

  private publish(entry: SimulationEntry): void {
    const uri = vscode.Uri.parse(entry.key);
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === entry.key);
    if (!doc || doc.version !== entry.docVersion) return;
    if (!entry.result) {
      const d = new vscode.Diagnostic(new vscode.Range(0, 0, 0, 0), t('Python Memory Lens could not simulate this file: {message}', { message: entry.error ?? '' }), vscode.DiagnosticSeverity.Information);
      d.source = DIAGNOSTIC_SOURCE;
      d.code = 'internal-error';
      this.collection.set(uri, [d]);
      return;
    }
    const tl = timelineOf(entry);
    const lastLine = tl && tl.stepCount > 0 ? tl.stepInfo(tl.stepCount - 1).line : 1;
    const out = presentDiagnostics(entry.result, t, lastLine).map((p) => {
      const d = new vscode.Diagnostic(toRange(doc, p.range), p.message, p.severity === 'hint' ? vscode.DiagnosticSeverity.Hint : vscode.DiagnosticSeverity.Information);
      d.source = DIAGNOSTIC_SOURCE;
      d.code = p.code;
      return d;
    });
    this.collection.set(uri, out);
  }

  dispose(): void {
    this.sub.dispose();
    this.collection.dispose();
  }
}
