/**
 * The window's timeline, read back from its audit log: the record that was
 * flushed before each action was reported done, so the end-of-window files
 * tell what happened, not what the process remembers. The pre-flight
 * verdict is audited on every round; only its changes are events.
 */
import { readFileSync } from 'node:fs';
import type { AuditRecord } from '../audit/audit-log.js';

export interface TimelineRow {
  at: string;
  what: string;
  who: string;
}

/** Every record of an audit file; a line that does not parse (a torn last line after a crash) is skipped. */
export function readAudit(path: string): AuditRecord[] {
  let text = '';
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return [];
  }
  return text.split('\n').flatMap((line) => {
    try {
      return line.trim() ? [JSON.parse(line) as AuditRecord] : [];
    } catch {
      return [];
    }
  });
}

const s = (x: unknown) => (x === undefined || x === null ? '' : String(x));

function describe(r: AuditRecord): string | null {
  switch (r.type) {
    case 'start': return `window started (${s(r.mode)}, adapter ${s(r.adapter)}${r.resumed ? ', resumed' : ''})`;
    case 'lifecycle': return r.stage ? `stage ${s(r.stage)}: ${s(r.next)}` : null;
    case 'action': return `${s(r.action)} ${s(r.fromWeight)}% → ${s(r.toWeight)}%${r.ok ? '' : ' FAILED'}: ${s(r.reason)}${r.verified ? ` (load balancer: ${s(r.verified)})` : ''}`;
    case 'refusal': return `refused ${s(r.action)}${r.item ? ` ${s(r.item)}` : ''}: ${s(r.why)}`;
    case 'trigger': return `trigger ${s(r.id)} ${s(r.state)}: ${s(r.reason)}`;
    case 'weight-drift': return `weight changed outside canary-tui ${s(r.fromWeight)}% → ${s(r.toWeight)}%: ${s(r.reason)}`;
    case 'signature': return `signed ${s(r.item)} (${s(r.role)})`;
    case 'report-copy': return `report copied (${s(r.method)})`;
    case 'report-post': return `report ${r.ok ? 'posted' : 'post FAILED'} to ${s(r.channel)}`;
    case 'stop': return `stopped at ${s(r.weight)}% (${s(r.windowStatus)}): ${s(r.reason)}`;
    default: return null;
  }
}

export function timeline(records: readonly AuditRecord[]): TimelineRow[] {
  const rows: TimelineRow[] = [];
  let verdict: unknown;
  for (const r of records) {
    if (r.type === 'lifecycle' && r.preflight !== undefined && r.stage === undefined) {
      if (r.preflight !== verdict) rows.push({ at: r.at, what: `pre-flight ${s(r.preflight)}`, who: r.operator });
      verdict = r.preflight;
      continue;
    }
    const what = describe(r);
    if (what) rows.push({ at: r.at, what, who: r.operator });
  }
  return rows;
}

/** A timeline as a Markdown table; `|` in a reason would split its cell. */
export function timelineTable(rows: readonly TimelineRow[]): string[] {
  const cell = (t: string) => t.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  return ['| time (UTC) | what | who |', '|---|---|---|', ...rows.map((r) => `| ${r.at.slice(0, 16).replace('T', ' ')} | ${cell(r.what)} | ${cell(r.who)} |`)];
}
