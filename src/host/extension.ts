// The extension's entry point: wires the simulation worker, the service that schedules runs, and the
// editor features (hover, CodeLens, diagnostics, status bar, commands, memory panel). Every
// registration goes into context.subscriptions. Nothing the user wrote is ever executed.
import * as vscode from 'vscode';
import { DocumentTracker, isSimulated } from './documents';
import { registerCommands } from './features/commands';
import { MemoryCodeLensProvider } from './features/codelens';
import { t, type HostContext } from './features/context';
import { MemoryDiagnostics } from './features/diagnostics';
import { MemoryHoverProvider } from './features/hover';
import { MemoryStatusBar } from './features/statusBar';
import { MemoryPanel } from './panel/index';
import { PanelSource } from './panelSource';
import { PythonVersionResolver } from './pythonVersion';
import { WorkerRunner } from './simulation/runner';
import { SimulationService, type SimulationEntry } from './simulation/service';
import { readSettings } from './config';

const PYTHON: vscode.DocumentSelector = [{ language: 'python' }];

/** What activate() returns: used by the integration tests, stable enough for other extensions. */
export interface MemoryLensApi {
  /** the finished simulation of this exact document version (waits up to timeoutMs) */
  whenSimulated(doc: vscode.TextDocument, timeoutMs?: number): Promise<SimulationEntry | undefined>;
  statusText(): string | undefined;
  diagnostics(uri: vscode.Uri): readonly vscode.Diagnostic[];
  panelDocument(): string | undefined;
}

export function activate(context: vscode.ExtensionContext): MemoryLensApi {
  const sub = <T extends vscode.Disposable>(d: T): T => {
    context.subscriptions.push(d);
    return d;
  };
  const output = sub(vscode.window.createOutputChannel(t('Python Memory Report')));
  const runner = new WorkerRunner({ script: vscode.Uri.joinPath(context.extensionUri, 'dist', 'worker.js').fsPath });
  sub({ dispose: () => runner.dispose() });
  const resolver = sub(new PythonVersionResolver());
  const service = new SimulationService(runner, (key) => {
    const uri = vscode.Uri.parse(key);
    return { pythonVersion: resolver.versionFor(uri), budgets: readSettings(uri).budgets };
  });
  sub({ dispose: () => service.dispose() });
  const ctx: HostContext = { service, resolver, extensionUri: context.extensionUri };

  const tracker = sub(new DocumentTracker(service, resolver));
  const diagnostics = sub(new MemoryDiagnostics(ctx));
  const statusBar = sub(new MemoryStatusBar(ctx));
  const lenses = sub(new MemoryCodeLensProvider(ctx));
  const panelSource = sub(new PanelSource(service, runner));

  sub(vscode.languages.registerHoverProvider(PYTHON, new MemoryHoverProvider(ctx)));
  sub(vscode.languages.registerCodeLensProvider(PYTHON, lenses));
  for (const d of registerCommands(ctx, panelSource, tracker, output)) sub(d);
  sub(
    MemoryPanel.registerSerializer(context.extensionUri, (uri) => {
      if (uri) panelSource.follow(vscode.Uri.parse(uri));
      return panelSource;
    }),
  );

  // The panel follows the active Python editor; a mouse click on a line moves its scrubber there.
  const followActive = (editor: vscode.TextEditor | undefined) => {
    if (editor && isSimulated(editor.document) && MemoryPanel.instance) panelSource.follow(editor.document.uri);
  };
  const setContext = () => {
    const doc = vscode.window.activeTextEditor?.document;
    const simulated = !!doc && isSimulated(doc) && !!service.get(doc.uri.toString(), doc.version)?.result;
    void vscode.commands.executeCommand('setContext', 'pythonMemoryLens.simulated', simulated);
  };
  const serviceSub = service.onEvent(setContext);
  sub({ dispose: () => serviceSub.dispose() });
  sub(
    vscode.window.onDidChangeActiveTextEditor((e) => {
      followActive(e);
      setContext();
    }),
  );
  sub(
    vscode.window.onDidChangeTextEditorSelection((e) => {
      const panel = MemoryPanel.instance;
      if (!panel?.visible || e.kind !== vscode.TextEditorSelectionChangeKind.Mouse) return;
      if (e.textEditor.document.uri.toString() !== panelSource.followedUri) return;
      panel.revealLine(e.selections[0]!.active.line + 1);
    }),
  );
  setContext();

  return {
    whenSimulated: async (doc, timeoutMs = 20000) => service.get(doc.uri.toString(), doc.version) ?? service.whenReady(doc.uri.toString(), doc.version, timeoutMs),
    statusText: () => (statusBar.item.text === '' ? undefined : statusBar.item.text),
    diagnostics: (uri) => diagnostics.collection.get(uri) ?? [],
    panelDocument: () => MemoryPanel.instance?.documentUri,
  };
}

export function deactivate(): void {
  // everything is disposed through context.subscriptions
}
