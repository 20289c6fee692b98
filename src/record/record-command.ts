/**
 * `canary-tui record --config FILE --from T [--to T] --out FILE [--step S]`:
 * a past window of the config's Prometheus into a drill fixture that
 * `rehearse FILE` replays. The step defaults to the config's check interval.
 * Everything is checked before Prometheus is asked; the fixture is written
 * only when every read answered, and never over an existing file.
 */
import { existsSync, renameSync, writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { InputError } from '../config/input-error.js';
import { loadConfig } from '../config/load-config.js';
import { Redactor } from '../config/secrets.js';
import { parseTimeArg } from '../config/time-arg.js';
import { toPolicy } from '../config/to-policy.js';
import { createPrometheusDriver } from '../sources/prometheus/prometheus-client.js';
import { PrometheusSource } from '../sources/prometheus/prometheus-source.js';
import { recordWindow } from './record-window.js';

export interface RecordOptions {
  config: string;
  from: string;
  to?: string;
  out: string;
  step?: string;
}

export async function runRecord(opts: RecordOptions, write: (line: string) => void, env: NodeJS.ProcessEnv, now: number): Promise<number> {
  const file = resolve(opts.config);
  const config = await loadConfig(file);
  if (config.source?.type !== 'prometheus') throw new InputError(file, 'source', 'a Prometheus source to record from (type: prometheus)');
  const from = parseTimeArg('--from', opts.from, now);
  const to = opts.to === undefined ? now : parseTimeArg('--to', opts.to, now);
  if (!(from < to)) throw new InputError('--from', '', `a time before --to (${new Date(to).toISOString()}), got ${new Date(from).toISOString()}`);
  const stepSeconds = opts.step === undefined ? Math.max(1, Math.round(toPolicy(config).checkIntervalMs / 1000)) : Number(opts.step);
  if (!Number.isInteger(stepSeconds) || stepSeconds < 1) throw new InputError('--step', '', `a whole number of seconds, 1 or more, got ${JSON.stringify(opts.step)}`);
  const out = resolve(opts.out);
  if (existsSync(out)) throw new InputError('--out', '', `a file that does not exist yet (a recording is never written over another), got ${out}`);
  const redactor = new Redactor();
  const source = new PrometheusSource(config.source, createPrometheusDriver(config.source, { configFile: file, env, redactor }), redactor);
  const { fixture, requests, problems } = await recordWindow(source, { from, to, stepSeconds, name: basename(out).replace(/\.json$/, ''), config });
  if (problems.length) {
    for (const p of problems) write(`canary-tui record: ${redactor.scrub(p.message)}\n`);
    write(`canary-tui record: nothing written: ${problems.length} read(s) failed\n`);
    return 1;
  }
  const points = fixture.series.reduce((n, s) => n + s.samples.length, 0);
  const tmp = `${out}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(fixture)}\n`, { mode: 0o644 });
  renameSync(tmp, out);
  write(`${out}: ${fixture.series.length} series, ${points} points, ${fixture.start} to ${fixture.end} every ${stepSeconds}s, in ${requests} range request(s) from ${source.name}\n`);
  return 0;
}
