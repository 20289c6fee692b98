/**
 * `canary-tui region --config FILE`: the directive's region rule against the
 * config's Prometheus. Each candidate's 7-day RPS and spare capacity come
 * from the configured PromQL ({{region}} replaced); the choice and its
 * rationale (rules/region-choice.ts) are printed for the T-2h post, with the
 * window start the lowest-RPS hour of the week proposes beside the
 * configured one. Exit 0 with a choice, 5 when no region qualifies.
 */
import { resolve } from 'node:path';
import { chooseRegion, troughStart, type RegionReading } from '../../rules/region-choice.js';
import { EXIT } from '../exit-codes.js';
import { InputError } from '../config/input-error.js';
import { loadConfig } from '../config/load-config.js';
import type { UserConfig } from '../config/schema.js';
import { Redactor } from '../config/secrets.js';
import { createPrometheusDriver } from '../sources/prometheus/prometheus-client.js';

type Driver = ReturnType<typeof createPrometheusDriver>;
const HOUR = 3_600_000;

/** Each candidate's 7-day RPS and spare capacity at `at`; a query with no answer is a missing reading, never a guess. */
export async function readRegions(driver: Pick<Driver, 'instantQuery'>, regions: NonNullable<UserConfig['regions']>, at: number): Promise<RegionReading[]> {
  const of = (q: string, name: string) => q.replaceAll('{{region}}', name);
  return Promise.all(regions.candidates.map(async (c) => ({
    name: c.name, ...(c.coast ? { coast: c.coast } : {}),
    rps7d: await scalar(driver, of(regions.rpsQuery, c.name), at),
    spare: await scalar(driver, of(regions.spareQuery, c.name), at),
  })));
}

async function scalar(driver: Pick<Driver, 'instantQuery'>, query: string, at: number): Promise<number | null> {
  try {
    const r = await driver.instantQuery(query, new Date(at));
    const v = (r.result as Array<{ value?: { value?: unknown } }>)[0]?.value?.value;
    return typeof v === 'number' && Number.isFinite(v) ? v : null;
  } catch {
    return null; // the client's error can carry the Authorization header: the reading is missing, and says so
  }
}

export async function hourly(driver: Driver, query: string, now: number): Promise<Array<[number, number]>> {
  try {
    // On the hour, so each point is one hour of the week.
    const end = Math.floor(now / HOUR) * HOUR;
    const r = await driver.rangeQuery(query, new Date(end - 7 * 24 * HOUR), new Date(end), 3600);
    const values = (r.result as Array<{ values?: Array<{ time: Date; value: number }> }>)[0]?.values ?? [];
    return values.map((p) => [p.time.getTime(), p.value] as [number, number]);
  } catch {
    return [];
  }
}

export async function runRegion(configFile: string, write: (line: string) => void, env: NodeJS.ProcessEnv, now: number): Promise<number> {
  const file = resolve(configFile);
  const config = await loadConfig(file);
  if (config.source?.type !== 'prometheus') throw new InputError(file, 'source', 'a Prometheus source to read the regions from (type: prometheus)');
  if (!config.regions) throw new InputError(file, 'regions', 'a regions section: rpsQuery, spareQuery and the candidates');
  const regions = config.regions;
  const driver = createPrometheusDriver(config.source, { configFile: file, env, redactor: new Redactor() });
  const readings = await readRegions(driver, regions, now);
  const of = (q: string, name: string) => q.replaceAll('{{region}}', name);
  const choice = chooseRegion(readings, { minSpare: regions.minSpare, tieWithin: regions.tieWithin });
  write(`${'region'.padEnd(16)}${'coast'.padEnd(8)}${'7-day RPS'.padStart(10)}${'spare'.padStart(8)}  verdict\n`);
  for (const r of choice.rows) {
    const rps = r.rps7d === null || !Number.isFinite(r.rps7d) ? '—' : Math.round(r.rps7d).toLocaleString('en-US');
    const spare = r.spare === null || !Number.isFinite(r.spare) ? '—' : `${Math.round(r.spare * 100)}%`;
    const verdict = r.name === choice.chosen ? 'CHOSEN' : r.eligible ? 'eligible' : r.why;
    write(`${r.name.padEnd(16)}${(r.coast ?? '').padEnd(8)}${rps.padStart(10)}${spare.padStart(8)}  ${verdict}\n`);
  }
  write(`${choice.rationale}\n`);
  if (choice.chosen && regions.troughQuery) {
    const trough = troughStart(await hourly(driver, of(regions.troughQuery, choice.chosen), now), now);
    const configured = config.window ? `; window.start in the config: ${config.window.start}` : '';
    write(trough
      ? `Proposed canary window (UTC): ${new Date(trough.at).toISOString().replace('.000', '')}, the lowest-RPS hour of the week in ${choice.chosen} (mean ${Math.round(trough.meanRps).toLocaleString('en-US')} rps over 7 days)${configured}\n`
      : `No 7-day hourly RPS for ${choice.chosen}: no window proposed${configured}\n`);
  }
  return choice.chosen ? 0 : EXIT.ENDED_UNDECIDED;
}
