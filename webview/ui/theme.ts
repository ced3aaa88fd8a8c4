// Colours for canvas drawing, read from VS Code's --vscode-* theme variables (light, dark and high
// contrast themes all set them); re-read when the theme changes. No colour is hard-coded: when a
// variable is missing the nearest other theme variable is used.
export interface Palette {
  bg: string;
  fg: string;
  muted: string;
  border: string;
  nodeBg: string;
  nodeBorder: string;
  focus: string;
  edge: string;
  link: string;
  badgeBg: string;
  badgeFg: string;
  /** generation colours: 0, 1, 2, permanent; untracked uses `muted` */
  gen: [string, string, string, string];
  alloc: string;
  free: string;
  gc: string;
  match: string;
  running: string;
  waiting: string;
  blocked: string;
  frameBg: string;
  activeFrame: string;
  highContrast: boolean;
  font: string;
  mono: string;
}

function v(style: CSSStyleDeclaration, ...names: string[]): string {
  for (const n of names) {
    const x = style.getPropertyValue(n).trim();
    if (x) return x;
  }
  return '';
}

export function readPalette(): Palette {
  const s = getComputedStyle(document.documentElement);
  const fg = v(s, '--vscode-editor-foreground', '--vscode-foreground');
  const bg = v(s, '--vscode-editor-background', '--vscode-sideBar-background');
  const muted = v(s, '--vscode-descriptionForeground', '--vscode-disabledForeground') || fg;
  const border = v(s, '--vscode-panel-border', '--vscode-widget-border', '--vscode-contrastBorder') || muted;
  const hc = document.body.classList.contains('vscode-high-contrast') || document.body.classList.contains('vscode-high-contrast-light');
  return {
    bg,
    fg,
    muted,
    border,
    nodeBg: v(s, '--vscode-editorWidget-background', '--vscode-sideBar-background') || bg,
    nodeBorder: v(s, '--vscode-editorWidget-border', '--vscode-widget-border', '--vscode-contrastBorder') || border,
    focus: v(s, '--vscode-focusBorder') || fg,
    edge: v(s, '--vscode-editorLineNumber-foreground', '--vscode-descriptionForeground') || muted,
    link: v(s, '--vscode-textLink-foreground') || fg,
    badgeBg: v(s, '--vscode-badge-background') || muted,
    badgeFg: v(s, '--vscode-badge-foreground') || bg,
    gen: [
      v(s, '--vscode-charts-blue') || fg,
      v(s, '--vscode-charts-purple') || fg,
      v(s, '--vscode-charts-orange') || fg,
      v(s, '--vscode-charts-yellow') || fg,
    ],
    alloc: v(s, '--vscode-charts-green', '--vscode-gitDecoration-addedResourceForeground') || fg,
    free: v(s, '--vscode-charts-red', '--vscode-errorForeground') || fg,
    gc: v(s, '--vscode-charts-purple') || fg,
    match: v(s, '--vscode-editor-findMatchHighlightBackground', '--vscode-editor-selectionBackground') || muted,
    running: v(s, '--vscode-charts-green') || fg,
    waiting: v(s, '--vscode-charts-yellow') || muted,
    blocked: v(s, '--vscode-charts-red') || muted,
    frameBg: v(s, '--vscode-sideBar-background', '--vscode-editorWidget-background') || bg,
    activeFrame: v(s, '--vscode-editor-lineHighlightBorder', '--vscode-focusBorder') || fg,
    highContrast: hc,
    font: v(s, '--vscode-font-family') || 'sans-serif',
    mono: v(s, '--vscode-editor-font-family') || 'monospace',
  };
}

/** Calls `onChange` when VS Code switches theme (it rewrites the body class and the variables). */
export function watchTheme(onChange: () => void): void {
  const obs = new MutationObserver(() => onChange());
  obs.observe(document.body, { attributes: true, attributeFilter: ['class'] });
  obs.observe(document.documentElement, { attributes: true, attributeFilter: ['style'] });
}

/** `color` at opacity `a` (0..1) through the canvas: works for any CSS colour syntax. */
export function withAlpha(ctx: CanvasRenderingContext2D, color: string, a: number, draw: () => void): void {
  const prev = ctx.globalAlpha;
  ctx.globalAlpha = prev * a;
  ctx.fillStyle = color;
  ctx.strokeStyle = color;
  draw();
  ctx.globalAlpha = prev;
}
