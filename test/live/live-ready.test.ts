/**
 * Issue 8, observations 1 and 2, against a real Prometheus that scrapes
 * nothing (an empty TSDB): a live window used to put 5% on the load balancer
 * the moment it started, and `rehearse --config` with a Prometheus source ran
 * a live window that moved a `file` adapter without --real-adapter.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPrometheus, type PrometheusServer } from '../support/prometheus-server.js';
import { CLI, HeadlessRun, liveConfig } from './live-helpers.js';

let prom: PrometheusServer;
const runs: HeadlessRun[] = [];
beforeAll(async () => {
  prom = await startPrometheus({ targets: [] });
}, 60_000);
afterAll(async () => {
  for (const r of runs) r.stop();
  await prom?.stop();
});

/** A config whose adapter is a weight file at 0%, and a way to prove the file was never written. */
function withWeightFile() {
  const dir = mkdtempSync(join(tmpdir(), 'canary-ready-'));
  const weights = join(dir, 'weights.json');
  writeFileSync(weights, '{"canaryWeight": 0, "stableWeight": 100}\n');
  const before = { text: readFileSync(weights, 'utf8'), mtime: statSync(weights).mtimeMs };
  const config = liveConfig(prom.url, { checkInterval: '1s', staleAfter: '3s', reportEvery: '1h', adapter: { type: 'file', path: weights } });
  const untouched = () => expect({ text: readFileSync(weights, 'utf8'), mtime: statSync(weights).mtimeMs }).toEqual(before);
  return { dir, config, untouched };
}

const auditOf = (dir: string) => readFileSync(join(dir, 'audit', 'v20261126.1-live.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));

describe('before the IC opens the window', { timeout: 60_000 }, () => {
  it('a live window on an empty Prometheus stays READY at 0%, even with --open, and writes no weight', async () => {
    const w = withWeightFile();
    const run = new HeadlessRun(['--config', w.config, '--open', '--audit-dir', join(w.dir, 'audit'), '--operator', 'ic']);
    runs.push(run);
    expect(await run.waitFor('the READY line', (l) => l.type === 'ready' || l.type === 'check', 20_000)).toBeDefined();
    const third = await run.waitFor('three checks', () => run.lines.filter((l) => l.type === 'check').length >= 3, 20_000);
    expect(third).toBeDefined();
    const checks = run.lines.filter((l) => l.type === 'check');
    expect(checks.every((c) => c.windowStatus === 'ready' && c.weight === 0)).toBe(true);
    expect(checks.at(-1)!.because).toMatch(/^READY at 0%, not open: no data for \d+ gated series/);
    expect(run.lines.filter((l) => l.type === 'action')).toEqual([]);
    w.untouched();
    run.stop();
    expect(await run.exited).toBe(4);
    const audit = auditOf(w.dir);
    expect(audit.filter((r) => r.type === 'action')).toEqual([]);
    expect(audit.at(-1)).toMatchObject({ type: 'stop', weight: 0, windowStatus: 'ready' });
    w.untouched();
  });

  it('rehearse --config with a Prometheus source and no --from is refused (exit 2) and never writes a weight', () => {
    const w = withWeightFile();
    for (const args of [['rehearse', '--config', w.config, '--headless'], ['rehearse', '--config', w.config, '--headless', '--real-adapter']]) {
      const r = spawnSync(process.execPath, [CLI, ...args, '--audit-dir', join(w.dir, 'audit')], { encoding: 'utf8', timeout: 20_000 });
      expect(r.status).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toContain(`${w.config}: source: expected a fixture to rehearse, or --from TIME to replay this Prometheus source's history (RETROSPECTIVE)`);
      expect(r.stdout).toBe('');
    }
    w.untouched();
  });
});
