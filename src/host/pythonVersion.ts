// Which CPython profile a document is simulated with: the pythonMemoryLens.pythonVersion setting, or
// with "auto" the version of the Python extension's selected interpreter (nearest supported version),
// else 3.12. Also the "Select Python Version" quick pick.
import * as vscode from 'vscode';
import { PYTHON_VERSIONS, type PythonVersion } from '../engine/api';
import { SECTION, readSettings } from './config';
import { nearestSupported, type InterpreterVersion } from './present/version';

export const FALLBACK_VERSION: PythonVersion = '3.12';

type Interpreter = InterpreterVersion;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

function fn(obj: unknown, name: string): ((...args: unknown[]) => unknown) | undefined {
  if (!isRecord(obj)) return undefined;
  const f = obj[name];
  return typeof f === 'function' ? (f as (...args: unknown[]) => unknown).bind(obj) : undefined;
}

export class PythonVersionResolver implements vscode.Disposable {
  private readonly interpreters = new Map<string, Interpreter | null>();
  private readonly emitter = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [this.emitter];
  /** fires when an interpreter version became known or changed */
  readonly onDidChange = this.emitter.event;

  constructor() {
    void this.hookPythonExtension();
  }

  private folderKey(uri: vscode.Uri | undefined): string {
    const folder = uri ? vscode.workspace.getWorkspaceFolder(uri) : undefined;
    return folder?.uri.toString() ?? '';
  }

  /** The profile to simulate `uri` with, synchronously (interpreter lookups happen in the background). */
  versionFor(uri: vscode.Uri | undefined): PythonVersion {
    const setting = readSettings(uri).pythonVersion;
    if (setting !== 'auto') return setting;
    const key = this.folderKey(uri);
    if (!this.interpreters.has(key)) {
      this.interpreters.set(key, null);
      void this.refresh(uri, key);
    }
    const i = this.interpreters.get(key);
    return i ? nearestSupported(i) : FALLBACK_VERSION;
  }

  /** The interpreter the Python extension selected for `uri`, if it says. */
  interpreterFor(uri: vscode.Uri | undefined): Interpreter | undefined {
    return this.interpreters.get(this.folderKey(uri)) ?? undefined;
  }

  private async pythonApi(): Promise<unknown> {
    const ext = vscode.extensions.getExtension('ms-python.python');
    if (!ext) return undefined;
    try {
      return ext.isActive ? ext.exports : await ext.activate();
    } catch {
      return undefined;
    }
  }

  private async hookPythonExtension(): Promise<void> {
    const api = await this.pythonApi();
    const envs = isRecord(api) ? api.environments : undefined;
    const onChange = fn(envs, 'onDidChangeActiveEnvironmentPath');
    if (!onChange) return;
    const sub = onChange(() => {
      const keys = [...this.interpreters.keys()];
      this.interpreters.clear();
      for (const key of keys) this.interpreters.set(key, null);
      for (const key of keys) void this.refresh(key ? vscode.Uri.parse(key) : undefined, key);
    });
    if (isRecord(sub) && typeof sub.dispose === 'function') this.disposables.push(sub as unknown as vscode.Disposable);
  }

  private async refresh(uri: vscode.Uri | undefined, key: string): Promise<void> {
    const found = await this.askPythonExtension(uri);
    const before = this.interpreters.get(key);
    this.interpreters.set(key, found ?? null);
    if ((before?.minor ?? -1) !== (found?.minor ?? -1) || (before?.major ?? -1) !== (found?.major ?? -1)) this.emitter.fire();
  }

  private async askPythonExtension(uri: vscode.Uri | undefined): Promise<Interpreter | undefined> {
    try {
      const api = await this.pythonApi();
      const envs = isRecord(api) ? api.environments : undefined;
      const getActive = fn(envs, 'getActiveEnvironmentPath');
      const resolve = fn(envs, 'resolveEnvironment');
      if (!getActive || !resolve) return undefined;
      const active = getActive(uri);
      const env = await resolve(active);
      const version = isRecord(env) ? env.version : undefined;
      if (isRecord(version) && typeof version.major === 'number' && typeof version.minor === 'number') {
        return { major: version.major, minor: version.minor };
      }
    } catch {
      // the Python extension's API is optional: fall back to the setting
    }
    return undefined;
  }

  /** The quick pick; writes the setting. Returns the version chosen, or undefined if dismissed. */
  async pick(uri: vscode.Uri | undefined): Promise<PythonVersion | 'auto' | undefined> {
    if (uri && readSettings(uri).pythonVersion === 'auto') await this.refresh(uri, this.folderKey(uri));
    const setting = readSettings(uri).pythonVersion;
    const interp = this.interpreterFor(uri);
    type Item = vscode.QuickPickItem & { value: PythonVersion | 'auto' };
    const autoDetail = interp
      ? vscode.l10n.t('Python extension interpreter {major}.{minor}: simulate {v}', { major: interp.major, minor: interp.minor, v: nearestSupported(interp) })
      : vscode.l10n.t('No interpreter from the Python extension: simulate {v}', { v: FALLBACK_VERSION });
    const items: Item[] = [
      { value: 'auto', label: vscode.l10n.t('Auto'), description: autoDetail },
      ...PYTHON_VERSIONS.map((v) => ({
        value: v,
        label: `CPython ${v}`,
        description: interp && nearestSupported(interp) === v ? vscode.l10n.t('matches the selected interpreter') : undefined,
      })),
    ];
    for (const item of items) {
      if (item.value !== setting) continue;
      item.picked = true;
      item.detail = vscode.l10n.t('current setting');
    }
    const chosen = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Simulate which CPython version?'), placeHolder: vscode.l10n.t('Current: {v}', { v: this.versionFor(uri) }) });
    if (!chosen) return undefined;
    const folder = uri ? vscode.workspace.getWorkspaceFolder(uri) : undefined;
    const target = folder || vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
    await vscode.workspace.getConfiguration(SECTION, uri).update('pythonVersion', chosen.value, target);
    return chosen.value;
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
