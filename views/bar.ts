/**
 * Text bars for progress and trigger countdowns. Block characters rather than
 * colour, so a bar still reads under NO_COLOR and in a pasted screenshot.
 */
export function bar(value: number, total: number, width: number): string {
  const ratio = total > 0 ? Math.min(1, Math.max(0, value / total)) : value > 0 ? 1 : 0;
  const filled = Math.round(ratio * width);
  return '█'.repeat(filled) + '░'.repeat(width - filled);
}

/** Pads or cuts to an exact width, so fixed columns line up without a table library. */
export function cell(text: string, width: number, align: 'left' | 'right' = 'left'): string {
  const chars = [...text];
  if (chars.length > width) return chars.slice(0, Math.max(0, width - 1)).join('') + '…';
  return align === 'left' ? text.padEnd(width) : text.padStart(width);
}
