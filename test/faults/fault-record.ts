/**
 * What the fault suite found, one JSON file per fault under
 * test/faults/results/ (not committed): written only after the fault's test
 * has asserted it, so a failing or skipped fault has no row and README's
 * "What it survives" table (scripts/faults-table.mjs) says so.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const RESULTS_DIR = join(import.meta.dirname, 'results');

export interface FaultRow {
  /** Stable id, also the results file's name. */
  id: string;
  /** The fault, as README's table names it. */
  fault: string;
  /** What the screen or headless output said while the fault lasted (one line, scrubbed by the app). */
  says: string;
  /** No gate read GREEN on data the fault made missing (true when asserted over every check of the fault). */
  noGreenOnMissing: boolean | 'n/a';
  /** Every audit line parsed, none torn or lost, the expected records present. */
  auditIntact: boolean;
  /** Back to full data (or the expected state) after the fault was removed. */
  recovered: boolean | 'n/a';
  /** Wall-clock ms from removing the fault to the first check with every gate judged again. */
  recoveryMs: number | null;
  /** What `recoveryMs` runs between, when not "fault removed → every gate judged". */
  measured?: string;
}

export function recordFault(row: FaultRow): void {
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(join(RESULTS_DIR, `${row.id}.json`), `${JSON.stringify({ ...row, node: process.version, at: new Date().toISOString() }, null, 2)}\n`);
}

export interface AuditRead {
  records: Array<Record<string, any>>;
  /** Lines that were not one whole JSON object: a torn write. */
  torn: string[];
}

/** Reads every .jsonl audit file of `dir`, keeping torn lines apart instead of throwing. */
export function readAudit(dir: string): AuditRead {
  const out: AuditRead = { records: [], torn: [] };
  let files: string[] = [];
  try { files = readdirSync(dir).filter((f) => f.endsWith('.jsonl')); } catch { return out; }
  for (const f of files) {
    for (const line of readFileSync(join(dir, f), 'utf8').split('\n')) {
      if (line === '') continue;
      try { out.records.push(JSON.parse(line) as Record<string, any>); } catch { out.torn.push(line); }
    }
  }
  return out;
}

/** Gate ids of a check line that are GREEN among `ids` (all gates when `ids` is omitted). */
export function greenGates(check: Record<string, any>, ids?: (id: string) => boolean): string[] {
  return Object.entries(check.gates as Record<string, string>).filter(([id, s]) => s === 'GREEN' && (!ids || ids(id))).map(([id]) => id);
}

/** True when no gate of the check is UNKNOWN. */
export const fullyJudged = (l: Record<string, any>): boolean => l.type === 'check' && !Object.values(l.gates as Record<string, string>).includes('UNKNOWN');
