/**
 * A one-line panel: a bold title, then parts, each whole or not at all, in
 * order, as many as the width holds. The compact layout is made of these.
 */
import { Text } from 'ink';
import { clipWords, widthOf } from './fit.js';

export interface Part {
  text: string;
  symbol?: string;
  color?: string;
  bold?: boolean;
  /** Greys the text: a last-good value past the staleness limit. */
  dim?: boolean;
}

const SEPARATOR = '  ';

const partWidth = (p: Part): number => (p.symbol ? widthOf(p.symbol) + 1 : 0) + widthOf(p.text);

/** How many parts fit after the title (each preceded by the separator). */
export function partsThatFit(title: string, parts: Part[], width: number): number {
  let used = widthOf(title);
  let n = 0;
  for (const p of parts) {
    used += SEPARATOR.length + partWidth(p);
    if (used > width) break;
    n++;
  }
  return n;
}

export function InlineParts({ title, parts, width }: { title: string; parts: Part[]; width: number }) {
  const shown = parts.slice(0, partsThatFit(title, parts, width));
  return (
    <Text wrap="truncate-end">
      <Text bold>{clipWords(title, width)}</Text>
      {shown.map((p, i) => (
        <Text key={i} bold={p.bold}>
          {SEPARATOR}
          {p.symbol ? <Text color={p.color}>{p.symbol} </Text> : null}
          <Text color={p.symbol ? undefined : p.color} dimColor={p.dim}>{p.text}</Text>
        </Text>
      ))}
    </Text>
  );
}
