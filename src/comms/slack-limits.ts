/**
 * Slack's limits on a message: 40,000 characters of text (and, as Block
 * Kit, 50 blocks and 3,000 characters a section). A report over the limit
 * is shortened by whole rows of its longest table, never cut mid-line, and
 * says how many rows it left out; only if that is not enough are whole lines
 * dropped from the end, said so. Text is scrubbed before it gets here.
 */
export const SLACK_TEXT_LIMIT = 40_000;

export function fitSlackText(text: string, limit = SLACK_TEXT_LIMIT): string {
  if (text.length <= limit) return text;
  const lines = text.split('\n');
  const fences = lines.flatMap((l, i) => (l === '```' ? [i] : []));
  // The first fenced block is the latency table: header row first, journeys after.
  if (fences.length >= 2) {
    const [open, close] = [fences[0]!, fences[1]!];
    const rows = lines.slice(open + 2, close);
    let kept = rows.length;
    const build = (n: number) => [...lines.slice(0, open + 2), ...rows.slice(0, n), ...(n < rows.length ? [`(${rows.length - n} more rows not shown: Slack's ${limit.toLocaleString('en-US')}-character limit)`] : []), ...lines.slice(close)].join('\n');
    while (kept > 0 && build(kept).length > limit) kept--;
    if (build(kept).length <= limit) return build(kept);
    lines.splice(0, lines.length, ...build(0).split('\n'));
  }
  const note = `(cut here: Slack's ${limit.toLocaleString('en-US')}-character limit)`;
  while (lines.length > 1 && [...lines, note].join('\n').length > limit) lines.pop();
  return [...lines, note].join('\n');
}
