// Localization hook for the pure presentation modules: they build every user-visible sentence with a
// Localize function. The extension passes one backed by vscode.l10n.t; tests use `fmt` (English).

/** `message` with `{name}` placeholders, as vscode.l10n.t takes it. */
export type Localize = (message: string, args?: Record<string, string | number>) => string;

export const fmt: Localize = (message, args) =>
  args ? message.replace(/\{(\w+)\}/g, (m, k: string) => (k in args ? String(args[k]) : m)) : message;

/** "1 object" / "3 objects" (English plural forms go through the localizer as two messages). */
export function plural(t: Localize, n: number, one: string, many: string): string {
  return t(n === 1 ? one : many, { n });
}

/** Bytes the way the product prints them: exact below 10 KiB, then KiB/MiB with one decimal. */
export function formatSize(n: number): string {
  const abs = Math.abs(n);
  if (abs < 10 * 1024) return `${n} B`;
  if (abs < 10 * 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${(n / 1024 / 1024).toFixed(1)} MiB`;
}

/** Inline code in Markdown that survives backticks inside the text. */
export function code(text: string, max = 80): string {
  const s = text.length > max ? text.slice(0, max - 1) + '…' : text;
  const clean = s.replace(/[\r\n]+/g, ' ');
  return clean.includes('`') ? '`` ' + clean + ' ``' : '`' + clean + '`';
}

/**
 * Plain text for Markdown that may contain `code spans`: outside the spans, characters Markdown
 * would take as markup (`<module>` as an HTML tag, `*`, `_`, `[`) are escaped; spans stay as they are.
 */
export function escapeMd(text: string): string {
  return text
    .split(/(`+[^`]*`+)/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/[\\<>*_[\]]/g, (c) => '\\' + c)))
    .join('');
}
