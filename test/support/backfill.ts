/**
 * Backfills history into a fresh TSDB directory with promtool, so a test can
 * start a real Prometheus on data "from an hour ago" instead of waiting for
 * scrapes: `startPrometheus({ dataDir: await backfill([...]) })`.
 *
 * Queries on backfilled data must pass an explicit `time=` (waitForQuery's
 * `{ time }`, or queryVector's third argument): an instant query at "now"
 * only looks back 5 minutes and would find nothing.
 *
 * startPrometheus leaves a dataDir it was given in place on stop(), so one
 * backfill can serve several servers in turn; the directory is removed when
 * the test process ends (or earlier, if the caller removes it in afterAll).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { atExit } from './cleanup.js';
import { formatLabels, formatValue } from './exporter.js';

export interface BackfillSeries {
  name: string;
  labels: Record<string, string>;
  /** [unix seconds, value]; any order — they are sorted per series here. */
  points: Array<[unixSeconds: number, value: number]>;
}

/**
 * OpenMetrics text for promtool: one `# TYPE name gauge` per family with its
 * series contiguous, timestamps in SECONDS, each series sorted by time
 * (promtool silently drops out-of-order samples), then `# EOF`. Series given
 * twice (same name and labels) are merged.
 */
export function toOpenMetrics(samples: BackfillSeries[]): string {
  const families = new Map<string, Map<string, Array<[number, number]>>>();
  for (const s of samples) {
    const series = families.get(s.name) ?? new Map<string, Array<[number, number]>>();
    families.set(s.name, series);
    // Sorted, so {a,b} and {b,a} are one series (interleaving them would read as out of order).
    const key = formatLabels(Object.fromEntries(Object.entries(s.labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))));
    series.set(key, [...(series.get(key) ?? []), ...s.points]);
  }
  const out: string[] = [];
  for (const [name, series] of families) {
    out.push(`# TYPE ${name} gauge`);
    for (const [labels, points] of series) {
      const sorted = [...points].sort((a, b) => a[0] - b[0]);
      for (const [t, v] of sorted) out.push(`${name}${labels} ${formatValue(v)} ${t}`);
    }
  }
  out.push('# EOF');
  return `${out.join('\n')}\n`;
}

/** Writes the samples as TSDB blocks in a new temp dir and returns that dir. */
export async function backfill(samples: BackfillSeries[]): Promise<string> {
  const dataDir = mkdtempSync(join(tmpdir(), 'canary-backfill-'));
  atExit(() => rmSync(dataDir, { recursive: true, force: true }));
  const input = join(dataDir, 'input.om.txt'); // removed once the blocks are written
  writeFileSync(input, toOpenMetrics(samples));
  try {
    await promisify(execFile)('promtool', ['tsdb', 'create-blocks-from', 'openmetrics', input, dataDir], { timeout: 60_000 });
  } catch (e) {
    rmSync(dataDir, { recursive: true, force: true });
    const err = e as Error & { stderr?: string };
    throw new Error(`promtool create-blocks-from openmetrics failed: ${err.message}\n${err.stderr ?? ''}`);
  }
  rmSync(input);
  return dataDir;
}
