/**
 * Lines built to fit a width. Ink would wrap a long line and push every row
 * below it down, or cut it mid-word; these helpers drop whole cells and cut
 * free text at a word boundary instead, so every line is known to fit before
 * it is printed (issue 4: "nothing wraps or is cut mid-word").
 *
 * Widths count code points: every symbol this screen prints (✔ ▲ ✖ · █ ░ …
 * and the chart's box drawing) is one column wide.
 */

export const widthOf = (text: string): number => [...text].length;

/**
 * Free text cut at the last word boundary that fits, marked with "…". A single
 * word longer than the line (an id, a URL) is cut hard rather than dropped.
 */
export function clipWords(text: string, width: number): string {
  const chars = [...text];
  if (chars.length <= width) return text;
  if (width <= 1) return width === 1 ? '…' : '';
  const head = chars.slice(0, width - 1).join('');
  const space = head.lastIndexOf(' ');
  const cut = chars[width - 1] === ' ' ? head.trimEnd() : space > 0 ? head.slice(0, space).trimEnd() : head;
  // "≤ 130 ms but >…" reads as a broken sentence: a lone operator or dash at the end goes too.
  return `${cut.replace(/\s+[^\p{L}\p{N}\s]$/u, '')}…`;
}

/**
 * The first part always (clipped if it must be), then each further part
 * whole or not at all, in order, stopping at the first that does not fit.
 */
export function fitParts(parts: readonly string[], width: number, separator = ' '): string {
  const [first = '', ...rest] = parts.filter((p) => p !== '');
  let line = clipWords(first, width);
  if (line !== first) return line;
  for (const part of rest) {
    const next = `${line}${separator}${part}`;
    if (widthOf(next) > width) break;
    line = next;
  }
  return line;
}

/** The widest of some texts, at least `min`. */
export const widest = (texts: readonly string[], min = 0): number => Math.max(min, ...texts.map(widthOf));
