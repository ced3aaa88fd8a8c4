// Helpers for the suite that runs inside VS Code (Electron via @vscode/test-electron, or code-server
// through a test-runner extension): locating the workspace files, opening them, reading hovers,
// CodeLenses and diagnostics the way VS Code's own commands return them.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { MemoryLensApi } from '../../src/host/extension';

export const EXTENSION_ID = 'python-memory-lens.python-memory-lens';
export const SOURCE = 'Python Memory Lens';

/** The repository root: the folder above us whose package.json is this extension's. */
export function repoRoot(): string {
  let dir = __dirname;
  for (;;) {
    const pkg = path.join(dir, 'package.json');
    if (fs.existsSync(pkg) && (JSON.parse(fs.readFileSync(pkg, 'utf8')) as { name?: string }).name === 'python-memory-lens') return dir;
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`no python-memory-lens package.json above ${__dirname}`);
    dir = up;
  }
}

export const workspaceDir = (): string => path.join(repoRoot(), 'test', 'vscode', 'workspace');
export const examplesDir = (): string => path.join(repoRoot(), 'examples');

export interface Expected {
  stdout: string;
  exitCode: number;
  lastStderrLine: string;
}
/** What real CPython printed for a workspace file (recorded by record-expected.mjs). */
export function expected(file: string, version: string): Expected {
  const all = JSON.parse(fs.readFileSync(path.join(workspaceDir(), 'expected.json'), 'utf8')) as Record<string, Record<string, Expected>>;
  const e = all[file]?.[version];
  assert.ok(e, `no recorded CPython output for ${file} on ${version}`);
  return e;
}

export async function api(): Promise<MemoryLensApi> {
  const ext = vscode.extensions.getExtension<MemoryLensApi>(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not installed`);
  return ext.isActive ? ext.exports : ext.activate();
}

export async function openFile(file: string): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(path.isAbsolute(file) ? file : path.join(workspaceDir(), file));
  await vscode.window.showTextDocument(doc);
  return doc;
}

/** The position of the `nth` occurrence of `token` on 1-based `line`. */
export function posOf(doc: vscode.TextDocument, line: number, token: string, nth = 0): vscode.Position {
  const text = doc.lineAt(line - 1).text;
  let col = -1;
  for (let k = 0; k <= nth; k++) col = text.indexOf(token, col + 1);
  assert.ok(col >= 0, `${token} not on line ${line}: ${text}`);
  return new vscode.Position(line - 1, col);
}

function hoverContentText(c: vscode.MarkdownString | vscode.MarkedString): string {
  if (typeof c === 'string') return c;
  return c.value;
}

/** The text of our hover at a position ('' if none). */
export async function hoverText(doc: vscode.TextDocument, pos: vscode.Position): Promise<string> {
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, pos)) ?? [];
  return hovers
    .map((h) => h.contents.map(hoverContentText).join('\n'))
    .filter((t) => t.includes('Python Memory Lens'))
    .join('\n');
}

export async function codeLenses(doc: vscode.TextDocument): Promise<vscode.CodeLens[]> {
  const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri, 100)) ?? [];
  return lenses.filter((l) => l.command?.command.startsWith('pythonMemoryLens.'));
}

export function ourDiagnostics(doc: vscode.TextDocument): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === SOURCE);
}

/** Waits until `check` returns a value (polling), or fails with `what`. */
export async function eventually<T>(what: string, check: () => T | undefined | Promise<T | undefined>, timeoutMs = 20000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The workspace-or-global target for setting changes made by tests. */
export function settingsTarget(): vscode.ConfigurationTarget {
  return vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
}

/** Closes every editor, reverting untitled and modified documents first so no save prompt blocks. */
export async function closeAllEditors(): Promise<void> {
  for (const doc of vscode.workspace.textDocuments) {
    if (!doc.isDirty) continue;
    try {
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    } catch {
      // a document the workbench is writing itself (the user settings.json while a setting is
      // updated) can refuse to open for a moment ("another editor opened in the meantime"): the
      // closeAllEditors below takes care of it once the write is done
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
