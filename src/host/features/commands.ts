// The "Python Memory" commands: Open Memory Panel, Step To Line, Simulate gc.collect, Select Python
// Version, Show Memory Report, Simulate Now. Each returns a small value so tests can check it.
import * as vscode from 'vscode';
import { PYTHON_VERSIONS, type PythonVersion } from '../../engine/api';
import { SECTION } from '../config';
import { isSimulated, type DocumentTracker } from '../documents';
import { MemoryPanel } from '../panel/index';
import type { PanelSource } from '../panelSource';
import { statementLines, scan } from '../present/source';
import { reportFor } from '../report';
import { timelineOf } from '../simulation/timelines';
import { entryFor, t, type HostContext } from './context';

export const COMMANDS = {
  openPanel: 'pythonMemoryLens.openPanel',
  stepToLine: 'pythonMemoryLens.stepToLine',
  simulateGc: 'pythonMemoryLens.simulateGcCollect',
  selectVersion: 'pythonMemoryLens.selectPythonVersion',
  showReport: 'pythonMemoryLens.showReport',
  simulateNow: 'pythonMemoryLens.simulateNow',
} as const;

async function pythonDocument(uri: unknown): Promise<vscode.TextDocument | undefined> {
  if (uri instanceof vscode.Uri) return vscode.workspace.openTextDocument(uri);
  const doc = vscode.window.activeTextEditor?.document;
  if (doc && isSimulated(doc)) return doc;
  void vscode.window.showInformationMessage(t('Open a Python file first.'));
  return undefined;
}

export function registerCommands(ctx: HostContext, source: PanelSource, tracker: DocumentTracker, output: vscode.OutputChannel): vscode.Disposable[] {
  const openPanel = async (uri?: unknown, step?: number): Promise<boolean> => {
    const doc = await pythonDocument(uri);
    if (!doc) return false;
    source.follow(doc.uri);
    MemoryPanel.createOrShow(ctx.extensionUri, source, step);
    return true;
  };

  /** Opens the panel at the last step of `line` (CodeLens passes uri and line; else the cursor's line). */
  const stepToLine = async (uri?: unknown, line?: unknown): Promise<number | undefined> => {
    const doc = await pythonDocument(uri);
    if (!doc) return undefined;
    const ln = typeof line === 'number' ? line : (vscode.window.activeTextEditor?.selection.active.line ?? 0) + 1;
    const entry = await entryFor(ctx, doc, 10000);
    const tl = entry && timelineOf(entry);
    if (!entry || !tl) {
      void vscode.window.showInformationMessage(t('This file has no simulation to step through yet.'));
      return undefined;
    }
    let step: number | null = null;
    for (const l of statementLines(scan(entry.source), ln)) {
      const s = tl.lastStepOfLine(l);
      if (s !== null && (step === null || s > step)) step = s;
    }
    if (step === null) {
      void vscode.window.showInformationMessage(t('Line {line} never ran in the simulation.', { line: ln }));
      return undefined;
    }
    await openPanel(doc.uri, step);
    return step;
  };

  /**
   * "What would gc.collect() do": at the cursor's line (its last run) or, with no editor selection
   * inside the program, at the end. Shows the phases in the panel and a summary notification.
   */
  const simulateGc = async (uri?: unknown, line?: unknown): Promise<{ available: boolean; message: string; collected?: number; step?: number }> => {
    const doc = await pythonDocument(uri);
    if (!doc) return { available: false, message: t('Open a Python file first.') };
    const entry = await entryFor(ctx, doc, 10000);
    const tl = entry && timelineOf(entry);
    const run = entry && source.runOf(entry);
    if (!entry || !tl || !run) {
      const message = t('This file has no simulation yet.');
      void vscode.window.showInformationMessage(message);
      return { available: false, message };
    }
    const ln = typeof line === 'number' ? line : (vscode.window.activeTextEditor?.document === doc ? vscode.window.activeTextEditor.selection.active.line + 1 : 0);
    let step = tl.stepCount - 1;
    // the program's end is the step before the interpreter's shutdown ("line 0")
    if (step > 0 && tl.stepInfo(step).line === 0) step--;
    let atLine = 0;
    if (ln > 0) {
      for (const l of statementLines(scan(entry.source), ln)) {
        const s = tl.lastStepOfLine(l);
        if (s !== null) {
          step = s;
          atLine = ln;
        }
      }
    }
    source.follow(doc.uri);
    const view = await source.simulateGc(run, step, 2);
    if (typeof view === 'string') {
      void vscode.window.showInformationMessage(view);
      return { available: false, message: view };
    }
    MemoryPanel.createOrShow(ctx.extensionUri, source, step);
    MemoryPanel.instance?.showGcSimulation(view);
    const where = atLine > 0 ? t('after line {line}', { line: atLine }) : t('at the end of the program');
    const message =
      view.unreachable.length === 0
        ? t('gc.collect() {where} would find nothing to collect: every object is reachable.', { where })
        : t('gc.collect() {where} would find {n} unreachable objects in reference cycles, run {f} finalizers and return {c}.', {
            where,
            n: view.unreachable.length,
            f: view.finalizers.length,
            c: view.collected,
          });
    void vscode.window.showInformationMessage(message);
    return { available: true, message, collected: view.collected, step };
  };

  const selectVersion = async (version?: unknown): Promise<PythonVersion | 'auto' | undefined> => {
    const doc = vscode.window.activeTextEditor?.document;
    const uri = doc && isSimulated(doc) ? doc.uri : undefined;
    if (version === 'auto' || (typeof version === 'string' && (PYTHON_VERSIONS as readonly string[]).includes(version))) {
      const target = vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
      await vscode.workspace.getConfiguration(SECTION, uri).update('pythonVersion', version, target);
      return version as PythonVersion | 'auto';
    }
    return ctx.resolver.pick(uri);
  };

  const showReport = async (uri?: unknown): Promise<string | undefined> => {
    const doc = await pythonDocument(uri);
    if (!doc) return undefined;
    const entry = await entryFor(ctx, doc, 10000);
    if (!entry) {
      void vscode.window.showInformationMessage(t('The simulation of this file has not finished yet.'));
      return undefined;
    }
    const text = reportFor(entry, doc.uri.path.split('/').pop() ?? doc.uri.toString());
    output.clear();
    output.append(text);
    output.show(true);
    return text;
  };

  const simulateNow = async (uri?: unknown): Promise<boolean> => {
    const doc = await pythonDocument(uri);
    if (!doc) return false;
    tracker.simulate(doc, 0);
    return true;
  };

  return [
    vscode.commands.registerCommand(COMMANDS.openPanel, (uri?: unknown) => openPanel(uri)),
    vscode.commands.registerCommand(COMMANDS.stepToLine, stepToLine),
    vscode.commands.registerCommand(COMMANDS.simulateGc, simulateGc),
    vscode.commands.registerCommand(COMMANDS.selectVersion, selectVersion),
    vscode.commands.registerCommand(COMMANDS.showReport, showReport),
    vscode.commands.registerCommand(COMMANDS.simulateNow, simulateNow),
  ];
}
