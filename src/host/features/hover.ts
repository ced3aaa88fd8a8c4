// Hover provider: the simulated object behind a name (see present/hover.ts for what it says).
import * as vscode from 'vscode';
import { readSettings } from '../config';
import { hoverMarkdown } from '../present/hover';
import { lookup } from '../present/lookup';
import { nameAt, scan } from '../present/source';
import { stopLineOf } from '../present/status';
import { timelineOf } from '../simulation/timelines';
import { entryFor, t, type HostContext } from './context';

export class MemoryHoverProvider implements vscode.HoverProvider {
  constructor(private readonly ctx: HostContext) {}

  async provideHover(doc: vscode.TextDocument, pos: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
    const src = scan(doc.getText());
    const target = nameAt(src, doc.offsetAt(pos));
    if (!target) return undefined;
    const range = new vscode.Range(doc.positionAt(target.start), doc.positionAt(target.end));
    const entry = await entryFor(this.ctx, doc, 4000, token);
    if (token.isCancellationRequested) return undefined;
    const key = doc.uri.toString();
    if (!entry) {
      const latest = this.ctx.service.latest(key);
      if (!latest || latest.docVersion === doc.version) return undefined;
      const msg = readSettings(doc.uri).liveUpdate
        ? t('Python Memory Lens: the file changed; its simulation is still running.')
        : t('Python Memory Lens: the file changed since it was simulated; save it to simulate again (live update is off).');
      return new vscode.Hover(new vscode.MarkdownString(`*${msg}*`), range);
    }
    if (entry.error) return new vscode.Hover(new vscode.MarkdownString(`*${t('Python Memory Lens: the simulation failed: {message}', { message: entry.error })}*`), range);
    const result = entry.result;
    const tl = timelineOf(entry);
    if (!result || !tl) return undefined; // syntax errors and the like: the diagnostic says it
    const lk = lookup(tl, scan(entry.source), target);
    const stop = result.status === 'ok' ? undefined : stopLineOf(result);
    const md = new vscode.MarkdownString(hoverMarkdown(lk, { version: entry.pythonVersion, detail: readSettings(doc.uri).hoverDetail, t, stoppedAtLine: stop, traceTruncated: result.eventsTruncated }));
    return new vscode.Hover(md, range);
  }
}
