/**
 * The report as Block Kit (config `slack.format: blocks`): mrkdwn sections
 * of at most 3,000 characters, at most 50 blocks. Lines are packed whole;
 * a fenced table that does not fit one section continues in the next with
 * its header row again, so every section renders on its own. Over 50
 * blocks, the latency table loses whole rows from its end and says how
 * many; only if that is not enough are whole sections dropped, said so.
 */
export const SLACK_MAX_BLOCKS = 50;
export const SLACK_SECTION_LIMIT = 3_000;

export interface SectionBlock {
  type: 'section';
  text: { type: 'mrkdwn'; text: string };
}

const FENCE = '```';

/** Sections of whole lines; a table split between sections is fenced and headed in each. */
function pack(lines: readonly string[], limit: number): string[] {
  const sections: string[] = [];
  let current: string[] = [];
  let table: { header: string } | null = null;
  const size = (ls: string[]) => ls.join('\n').length;
  const close = () => {
    if (table) current.push(FENCE);
    if (current.length) sections.push(current.join('\n'));
    current = table ? [FENCE, table.header] : [];
  };
  for (let i = 0; i < lines.length; i++) {
    // A row must fit a section of its own with the table's fences and header row around it.
    const room = limit - 8 - (table ? Math.min(table.header.length, limit / 2) + 1 : 0);
    const line = lines[i]!.length > room ? `${lines[i]!.slice(0, room - 1)}…` : lines[i]!;
    if (line === FENCE && !table) {
      const header = lines[i + 1] ?? '';
      // A table starts a section of its own when its fence and header would not fit here.
      if (current.length && size([...current, FENCE, header, FENCE]) > limit) close();
      table = { header: header.length > limit / 2 ? `${header.slice(0, limit / 2 - 1)}…` : header };
      current.push(FENCE);
      continue;
    }
    if (line === FENCE && table) {
      current.push(FENCE);
      table = null;
      continue;
    }
    if (size([...current, line, ...(table ? [FENCE] : [])]) > limit && current.length > (table ? 2 : 0)) close();
    current.push(line);
  }
  if (current.length) sections.push(current.join('\n'));
  return sections;
}

export function reportBlocks(text: string, maxBlocks = SLACK_MAX_BLOCKS, limit = SLACK_SECTION_LIMIT): SectionBlock[] {
  const block = (t: string): SectionBlock => ({ type: 'section', text: { type: 'mrkdwn', text: t } });
  const lines = text.split('\n');
  let sections = pack(lines, limit);
  if (sections.length <= maxBlocks) return sections.map(block);
  const open = lines.indexOf(FENCE);
  const close = open >= 0 ? lines.indexOf(FENCE, open + 1) : -1;
  if (open >= 0 && close > open + 2) {
    const rows = lines.slice(open + 2, close);
    const build = (n: number) => [...lines.slice(0, open + 2), ...rows.slice(0, n), ...(n < rows.length ? [`(${rows.length - n} more rows not shown: Slack's ${maxBlocks}-block limit)`] : []), ...lines.slice(close)];
    let kept = rows.length;
    // Whole rows off the end until it fits: bisect, then the exact edge (each step is a full pack).
    let lo = 0;
    let hi = kept;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (pack(build(mid), limit).length <= maxBlocks) lo = mid;
      else hi = mid - 1;
    }
    kept = lo;
    sections = pack(build(kept), limit);
    if (sections.length <= maxBlocks) return sections.map(block);
  }
  const note = `(${sections.length - maxBlocks + 1} more section(s) not shown: Slack's ${maxBlocks}-block limit)`;
  return [...sections.slice(0, maxBlocks - 1), note].map(block);
}
