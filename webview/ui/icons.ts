// Small inline SVG icons for the transport buttons (no icon font: the panel loads nothing remote and
// system fonts lack these glyphs). Drawn with currentColor so the theme colours them.
const PATHS: Record<string, string> = {
  first: 'M3 3h2v10H3zM13 3v10L6 8z',
  prev: 'M3 3h2v10H3zM12 3v10L6 8z',
  play: 'M4 2.5v11L13 8z',
  pause: 'M4 3h3v10H4zM9 3h3v10H9z',
  next: 'M11 3h2v10h-2zM4 3v10l6-5z',
  last: 'M11 3h2v10h-2zM3 3v10l7-5z',
  close: 'M4 3l9 9-1 1-9-9zM12 3l1 1-9 9-1-1z',
  plus: 'M7 3h2v4h4v2H9v4H7V9H3V7h4z',
  minus: 'M3 7h10v2H3z',
};

export type IconName = keyof typeof PATHS;

export function icon(name: string): SVGSVGElement {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 16 16');
  svg.setAttribute('width', '16');
  svg.setAttribute('height', '16');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('fill', 'currentColor');
  const path = document.createElementNS(ns, 'path');
  path.setAttribute('d', PATHS[name] ?? '');
  svg.appendChild(path);
  return svg;
}
