// The panel's HTML: a strict Content-Security-Policy (no remote resources, scripts only with the
// per-load nonce, styles only from the extension's media folder or constructed by the UI toolkit).
import { PANEL_VIEW_TYPE } from '../../protocol/panel';

export function makeNonce(random: () => number = Math.random): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let s = '';
  for (let i = 0; i < 32; i++) s += chars.charAt(Math.floor(random() * chars.length));
  return s;
}

export interface PanelHtmlInputs {
  /** webview.cspSource */
  cspSource: string;
  /** webview URIs (asWebviewUri) of dist/webview.js and media/panel.css */
  scriptUri: string;
  styleUri: string;
  nonce: string;
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `img-src ${cspSource} data:`,
    `font-src ${cspSource}`,
    `style-src ${cspSource} 'nonce-${nonce}'`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
}

function attr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

export function panelHtml(inp: PanelHtmlInputs): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${attr(contentSecurityPolicy(inp.cspSource, inp.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<meta property="csp-nonce" content="${attr(inp.nonce)}">
<link rel="stylesheet" href="${attr(inp.styleUri)}">
<title>Python Memory</title>
</head>
<body data-view-type="${PANEL_VIEW_TYPE}">
<div id="app" role="application" aria-label="Python memory panel"></div>
<script nonce="${attr(inp.nonce)}" src="${attr(inp.scriptUri)}"></script>
</body>
</html>`;
}
