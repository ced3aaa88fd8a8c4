// The memory panel's host side in VS Code: owns the WebviewPanel (strict CSP, nonce, local resource
// roots), the serializer that restores it after a reload, and forwards messages to the vscode-free
// PanelController. One panel at a time: createOrShow reveals the existing one.
import * as vscode from 'vscode';
import { PANEL_VIEW_TYPE } from '../../protocol/panel';
import type { FromWebview, GcSimulationView, PanelViewState } from '../../protocol/panel';
import { PanelController } from './controller';
import { makeNonce, panelHtml } from './html';
import type { PanelDataSource } from './types';

export class MemoryPanel {
  private static current: MemoryPanel | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly controller: PanelController;

  /** Opens the panel beside the editor, or reveals it; `step` moves the scrubber once data is there. */
  static createOrShow(extensionUri: vscode.Uri, source: PanelDataSource, step?: number): MemoryPanel {
    const open = MemoryPanel.current;
    if (open) {
      open.setSource(source);
      open.panel.reveal(vscode.ViewColumn.Beside, true);
      if (step !== undefined) open.revealStep(step);
      return open;
    }
    const panel = vscode.window.createWebviewPanel(PANEL_VIEW_TYPE, 'Python Memory', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, MemoryPanel.webviewOptions(extensionUri));
    const created = new MemoryPanel(panel, extensionUri, source, null);
    MemoryPanel.current = created;
    if (step !== undefined) created.revealStep(step);
    return created;
  }

  /** The open panel, if any. */
  static get instance(): MemoryPanel | undefined {
    return MemoryPanel.current;
  }

  /**
   * Registers the WebviewPanelSerializer that restores the panel after a reload (push the result into
   * context.subscriptions). `resolve` gets the document uri the panel showed and returns a data source.
   */
  static registerSerializer(extensionUri: vscode.Uri, resolve: (uri: string | undefined) => PanelDataSource): vscode.Disposable {
    return vscode.window.registerWebviewPanelSerializer(PANEL_VIEW_TYPE, {
      async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
        const saved = isViewState(state) ? state : null;
        panel.webview.options = MemoryPanel.webviewOptions(extensionUri);
        MemoryPanel.current?.dispose();
        MemoryPanel.current = new MemoryPanel(panel, extensionUri, resolve(saved?.uri), saved);
      },
    });
  }

  static webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions & vscode.WebviewPanelOptions {
    return {
      enableScripts: true,
      retainContextWhenHidden: false,
      localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist'), vscode.Uri.joinPath(extensionUri, 'media')],
    };
  }

  private constructor(private readonly panel: vscode.WebviewPanel, extensionUri: vscode.Uri, source: PanelDataSource, restored: PanelViewState | null) {
    const webview = panel.webview;
    webview.html = panelHtml({
      cspSource: webview.cspSource,
      nonce: makeNonce(),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'panel.css')).toString(),
    });
    panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'icon.png');
    this.controller = new PanelController((m) => void webview.postMessage(m), source, () => panel.visible, restored?.step ?? 0, () => this.updateTitle());
    this.disposables.push(
      webview.onDidReceiveMessage((m: FromWebview) => this.controller.onMessage(m)),
      panel.onDidDispose(() => this.dispose()),
      panel.onDidChangeViewState((e) => {
        if (!e.webviewPanel.visible) this.controller.clearHighlight();
      }),
    );
    this.updateTitle();
  }

  /** Replaces the data source (the panel now follows another document). */
  setSource(source: PanelDataSource): void {
    this.controller.setSource(source);
    this.updateTitle();
  }

  /** Moves the scrubber to `step` (CodeLens, "Step To Line"). */
  revealStep(step: number): void {
    this.controller.revealStep(step);
  }

  /** Moves the scrubber to the next step running `line` (a click on an editor line); false if it never ran. */
  revealLine(line: number): boolean {
    return this.controller.revealLine(line);
  }

  /** Shows a "Simulate gc.collect" result: unreachable set highlighted, phases step by step. */
  showGcSimulation(simulation: GcSimulationView): void {
    if (this.controller.showGcSimulation(simulation)) this.panel.reveal(undefined, true);
  }

  /** Re-reads the data source (also done on source.onDidChange). */
  refresh(): void {
    this.controller.refresh();
    this.updateTitle();
  }

  get currentStep(): number {
    return this.controller.currentStep;
  }

  get visible(): boolean {
    return this.panel.visible;
  }

  /** The uri of the document shown (for the extension's tests). */
  get documentUri(): string | undefined {
    return this.controller.documentUri;
  }

  private updateTitle(): void {
    // the controller calls back while it is being constructed, before `this.controller` is set
    if (!this.controller) return;
    const uri = this.controller.documentUri;
    this.panel.title = uri ? `Memory: ${decodeURIComponent(uri.split('/').pop() ?? uri)}` : 'Python Memory';
  }

  dispose(): void {
    if (MemoryPanel.current === this) MemoryPanel.current = undefined;
    this.controller.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
    this.panel.dispose();
  }
}

function isViewState(s: unknown): s is PanelViewState {
  return typeof s === 'object' && s !== null && typeof (s as { step?: unknown }).step === 'number';
}
