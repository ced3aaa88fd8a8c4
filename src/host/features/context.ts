// What every editor feature shares: the simulation service, the version resolver, the localizer,
// and "the finished simulation of this exact document version" (waiting for it briefly if it runs).
import * as vscode from 'vscode';
import type { Localize } from '../present/l10n';
import type { PythonVersionResolver } from '../pythonVersion';
import type { SimulationEntry, SimulationService } from '../simulation/service';

export const t: Localize = (message, args) => (args ? vscode.l10n.t(message, args) : vscode.l10n.t(message));

export interface HostContext {
  service: SimulationService;
  resolver: PythonVersionResolver;
  extensionUri: vscode.Uri;
}

/**
 * The entry for `doc` at its current version: at once if finished, else after waiting up to
 * `waitMs` for a run that is scheduled or under way. Never an entry of another version.
 */
export async function entryFor(ctx: HostContext, doc: vscode.TextDocument, waitMs: number, token?: vscode.CancellationToken): Promise<SimulationEntry | undefined> {
  const key = doc.uri.toString();
  const ready = ctx.service.get(key, doc.version);
  if (ready || !ctx.service.isRunning(key)) return ready;
  const waiting = ctx.service.whenReady(key, doc.version, waitMs);
  if (!token) return waiting;
  return Promise.race([waiting, new Promise<undefined>((r) => token.onCancellationRequested(() => r(undefined)))]);
}
