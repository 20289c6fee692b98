import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const CLI = join(import.meta.dirname, '../../dist/cli.js');

describe('the built bin, headless', { timeout: 60_000 }, () => {
  it('replays the bundled drill as fast as it can and exits with the rolled-back code', () => {
    const auditDir = mkdtempSync(join(tmpdir(), 'canary-audit-'));
    const run = spawnSync(process.execPath, [CLI, '--headless', '--audit-dir', auditDir, '--operator', 'drill-bot'], { encoding: 'utf8', timeout: 60_000 });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(3);
    const all = run.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    // The last line is the drill's score (drill-score.ts): the decision the fixture expects, met.
    expect(all.at(-1)).toMatchObject({ type: 'score', outcome: 'rolled-back', asExpected: true, missedRollbacks: [] });
    const lines = all.slice(0, -2);
    // README gives the count and the last three lines; they must be this run's.
    const readme = readFileSync(join(import.meta.dirname, '../../README.md'), 'utf8');
    expect(readme).toContain(`That is ${all.length} JSON lines`);
    expect(all.slice(-4).map((l) => l.type === 'lifecycle' ? `lifecycle ${l.stage}` : l.type)).toEqual(['lifecycle ROLLED BACK', 'report', 'archive', 'score']);
    const left = all.at(-2) as { files: string[]; archive: string };
    expect(left.files.map((f) => f.slice(f.lastIndexOf('/') + 1))).toEqual(['ROLLBACK_REPORT.md']);
    expect(left.archive).toMatch(/\.tar\.gz$/);
    for (const l of lines) {
      expect(typeof l.at).toBe('string');
      expect(['check', 'phase', 'trigger', 'action', 'report', 'error', 'preflight', 'lifecycle']).toContain(l.type);
    }
    // The drill starts at T-2h: the release's stages, then the open at T-0 once pre-flight is GO.
    expect(lines.filter((l) => l.type === 'lifecycle').map((l) => `${String(l.at).slice(11, 16)} ${l.stage}`)).toEqual([
      '02:00 PREPARING', '03:00 PRE-FLIGHT', '04:00 READY', '04:00 RUNNING', '06:55 ROLLED BACK',
    ]);
    expect(lines.find((l) => l.type === 'action' && l.action === 'open')).toMatchObject({ at: '2026-11-20T04:00:00.000Z', reason: 'pre-flight GO at T-0: every gated KPI has data and the weight was read back' });
    // Before the open a report says the window is not open yet, not that its first phase is running.
    const early = lines.find((l) => l.type === 'report');
    expect(early).toMatchObject({ at: '2026-11-20T02:15:00.000Z' });
    expect(String(early!.text)).toContain('*Phase 1/4 · 0% canary* · not open (1h30m from the open) · window ready');
    const timeline = lines.filter((l) => l.type === 'phase').map((l) => `${String(l.at).slice(11, 16)} ${l.weight}% ${l.windowStatus}`);
    expect(timeline).toEqual(['04:00 5% running', '05:30 25% running', '06:30 50% running', '06:55 0% rolled-back']);
    const rollback = lines.find((l) => l.type === 'action' && l.action === 'rollback');
    expect(rollback).toMatchObject({ fromWeight: 50, toWeight: 0, ok: true, operator: 'canary-tui (auto)' });
    expect(String(rollback!.reason)).toContain('trigger p95:checkout fired');
    // The search blip at minute 30 breaches and re-arms without firing.
    const search = lines.filter((l) => l.type === 'trigger' && l.id === 'p95:search').map((l) => `${String(l.at).slice(11, 16)} ${l.state}`);
    expect(search).toEqual(['04:30 breaching', '04:36 armed']);
    expect(lines.filter((l) => l.type === 'report').length).toBe(20);
    const auditFile = readdirSync(auditDir).find((f) => f.endsWith('.jsonl'));
    const audit = readFileSync(join(auditDir, auditFile!), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(audit.filter((r) => r.type === 'action').map((r) => `${r.action} ${r.fromWeight}->${r.toWeight} ${r.ok}`)).toEqual([
      'open 0->5 true', 'advance 5->25 true', 'advance 25->50 true', 'rollback 50->0 true',
    ]);
    // Issue 8, observation 10: trigger changes are audited too, not only actions.
    expect(audit.filter((r) => r.type === 'trigger').map((r) => `${String(r.at).slice(11, 16)} ${r.id} ${r.state}`)).toEqual(expect.arrayContaining([
      '04:30 p95:search breaching', '04:36 p95:search armed', '06:55 p95:checkout fired',
    ]));
  });

  it('a bad config names the file and the path, and exits 2 without writing an audit', () => {
    const dir = mkdtempSync(join(tmpdir(), 'canary-bad-'));
    const config = join(dir, 'window.yaml');
    writeFileSync(config, 'triggers:\n  errorRate: { for: soon }\n');
    const run = spawnSync(process.execPath, [CLI, '--headless', '--config', config, '--audit-dir', join(dir, 'audit')], { encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`canary-tui: bad input: ${config}: triggers.errorRate.for: expected a duration such as 1s, 5m, 90m or 2h, got "soon"\n`);
    expect(readdirSync(dir)).toEqual(['window.yaml']);
  });

  it('check lints the directive’s gate/trigger overlap', () => {
    const dir = mkdtempSync(join(tmpdir(), 'canary-check-'));
    const config = join(dir, 'window.yaml');
    writeFileSync(config, 'checkInterval: 30s\n');
    const run = spawnSync(process.execPath, [CLI, 'check', '--config', config], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`${config}: phases[0].p95GateMs: warning: phase 1 (5%): the P95 gate 130 ms is looser than the rollback trigger 120 ms`);
    expect(run.stdout).toContain('phases[1].p95GateMs');
    expect(run.stdout).not.toContain('phases[2]');
  });
});
