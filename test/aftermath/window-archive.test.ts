/**
 * A decided window leaves its files and its archive: the bundled drill
 * rolls back headless, writes ROLLBACK_REPORT.md (the trigger and its
 * values, the actions and who took them, the timeline) and a .tar.gz that
 * the system's tar opens, whose every file MANIFEST.json lists with the
 * SHA-256 that `sha256sum -c` confirms, and that holds no secret and none of
 * the PII the folder held before packing.
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runArchive } from '../../src/aftermath/archive-command.js';
import { runHeadless } from '../../src/run/headless.js';
import { setupWindow } from '../../src/run/setup-window.js';

const SECRET = 'hooks-secret-4242-zyx';
const EMAIL = 'ana.ruiz@example.com';
const PHONE = '+1 415 555 0134';

function untar(archive: string): { dir: string; listed: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'canary-untar-'));
  execFileSync('tar', ['-xzf', archive, '-C', dir]);
  const listed = execFileSync('tar', ['-tzf', archive], { encoding: 'utf8' }).trim().split('\n').sort();
  return { dir, listed };
}

const allText = (dir: string): string => execFileSync('cat', execFileSync('find', [dir, '-type', 'f'], { encoding: 'utf8' }).trim().split('\n')).toString('utf8');

describe('the end of a window', { timeout: 60_000 }, () => {
  it('the bundled drill rolls back, writes its rollback report and archives its folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'canary-end-'));
    const config = join(dir, 'team.yaml');
    writeFileSync(config, 'slack:\n  webhook: { env: CANARY_SLACK_WEBHOOK }\n  channel: "#ship-room"\n');
    const auditDir = join(dir, 'audit');
    const setup = await setupWindow({ config, headless: true, auditDir, operator: EMAIL }, { CANARY_SLACK_WEBHOOK: `http://127.0.0.1:9/services/${SECRET}` }, Date.parse('2026-12-02T00:00:00Z'));
    const lines: Array<Record<string, any>> = [];
    expect(await runHeadless(setup, { write: (l) => lines.push(JSON.parse(l)) }, new AbortController().signal)).toBe('rolled-back');

    const said = lines.at(-2)!;
    expect(said).toMatchObject({ type: 'archive', archive: join(auditDir, `${setup.windowId}.tar.gz`) });
    expect(lines.at(-1)!.type).toBe('score');
    const report = readFileSync(join(auditDir, `${setup.windowId}-reports`, 'ROLLBACK_REPORT.md'), 'utf8');
    expect(report).toMatch(/^# Rollback report: web-app v20261120\.1 \(`4f9c2ab`\) · us-west-2 · REHEARSAL\n/);
    expect(report).toContain('Rolled back at 2026-11-20 06:55 UTC from 50% to 0% by canary-tui, automatically (pre-approved on any trigger); the load balancer read back confirmed.');
    expect(report).toContain('- **p95:checkout** fired at 2026-11-20 06:55 UTC: P95 checkout 141.2 ms > 120 ms for 10m across 11 checks');
    expect(report).toContain('- breaching since 2026-11-20 06:45 UTC, 10m before it fired: P95 checkout 147.8 ms breaches 120 ms');
    expect(report).toContain('| P95 checkout | 141.2 ms | 100.3 ms | +40.8% |');
    expect(report).toContain('| P95 checkout | RED | 141.2 ms | 120 ms |');
    // The operator is an e-mail address: masked in the file, who took the open named as masked.
    expect(report).toContain('| 04:00 | open | 0% → 5% | [email] | done, confirmed |');
    expect(report).toContain('| 06:55 | rollback | 50% → 0% | canary-tui (auto) | done, confirmed |');
    expect(report).toContain('| 2026-11-20 06:45 | trigger p95:checkout breaching:');
    expect(report).toContain('- Root cause: ✎ TO FILL IN');
    expect(report).not.toContain(EMAIL);

    const { dir: out, listed } = untar(said.archive);
    const root = join(out, setup.windowId);
    const manifest = JSON.parse(readFileSync(join(root, 'MANIFEST.json'), 'utf8')) as { files: Array<{ path: string; bytes: number; sha256: string }> };
    expect(listed).toEqual([...manifest.files.map((f) => f.path), `${setup.windowId}/MANIFEST.json`, `${setup.windowId}/SHA256SUMS`].sort());
    expect(manifest.files.map((f) => f.path.slice(setup.windowId.length + 1)).sort()).toEqual(['audit.jsonl', 'config.json', 'reports/ROLLBACK_REPORT.md', 'score.json', 'score.txt', 'snapshots.jsonl']);
    expect(execFileSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: root, encoding: 'utf8' }).trim().split('\n').every((l) => l.endsWith(': OK'))).toBe(true);
    for (const f of manifest.files) expect(readFileSync(join(out, f.path)).length).toBe(f.bytes);
    // One snapshot per check, each still JSON after masking; the audit too.
    const checks = lines.filter((l) => l.type === 'check').length;
    const snapshots = readFileSync(join(root, 'snapshots.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, any>);
    expect(snapshots.filter((s) => !s.series)).toHaveLength(checks);
    const series = snapshots.filter((s) => s.series).at(-1)!.series as string[];
    const last = snapshots.at(-1)!;
    expect(last).toMatchObject({ at: '2026-11-20T06:55:00.000Z', phase: 3, weight: 50, status: 'RED' });
    expect(last.values[series.indexOf('latency_p95|canary|checkout')]).toBe(141.2);
    expect(last.ages).toHaveLength(series.length);
    readFileSync(join(root, 'audit.jsonl'), 'utf8').trim().split('\n').forEach((l) => JSON.parse(l));
    expect(JSON.parse(readFileSync(join(root, 'config.json'), 'utf8'))).toMatchObject({ slack: { webhook: { env: 'CANARY_SLACK_WEBHOOK' }, channel: '#ship-room' } });
    const text = allText(out);
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain(EMAIL);
  });

  it('canary-tui archive packs a folder again: a secret or PII that reached a file is not in the archive', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'canary-rearchive-'));
    const config = join(dir, 'team.yaml');
    writeFileSync(config, 'slack:\n  webhook: { env: CANARY_SLACK_WEBHOOK }\n  channel: "#ship-room"\nroster:\n  incidentCommander: { name: Ana Ruiz, contact: "ana.ruiz@example.com" }\n');
    const auditDir = join(dir, 'audit');
    const env = { CANARY_SLACK_WEBHOOK: `https://hooks.example.com/services/${SECRET}` };
    const setup = await setupWindow({ config, headless: true, auditDir }, env, Date.parse('2026-12-02T00:00:00Z'));
    await runHeadless(setup, { write: () => {} }, new AbortController().signal);
    // What a careless hand leaves in the folder: the secret and PII in a record and in a report.
    appendFileSync(join(auditDir, `${setup.windowId}.jsonl`), `${JSON.stringify({ at: '2026-11-20T07:00:00.000Z', type: 'report-post', operator: 'x', detail: `posted with ${SECRET}`, phone: PHONE, ratio: 0.0061108581562 })}\n`);
    writeFileSync(join(auditDir, `${setup.windowId}-reports`, 'report-by-hand.md'), `call ${PHONE} or mail ${EMAIL}; hook ${SECRET}\n`);
    const said: string[] = [];
    expect(await runArchive({ config, auditDir }, (l) => said.push(l), env, Date.parse('2026-12-02T01:00:00Z'))).toBe(0);
    expect(said[0]).toBe(`archived window ${setup.windowId}: ${join(auditDir, `${setup.windowId}.tar.gz`)}\n`);
    const { dir: out } = untar(join(auditDir, `${setup.windowId}.tar.gz`));
    const root = join(out, setup.windowId);
    expect(readdirSync(join(root, 'reports')).sort()).toEqual(['ROLLBACK_REPORT.md', 'report-by-hand.md']);
    expect(readFileSync(join(root, 'reports', 'report-by-hand.md'), 'utf8')).toBe('call [phone] or mail [email]; hook [redacted]\n');
    const last = JSON.parse(readFileSync(join(root, 'audit.jsonl'), 'utf8').trim().split('\n').at(-1)!);
    expect(last).toEqual({ at: '2026-11-20T07:00:00.000Z', type: 'report-post', operator: 'x', detail: 'posted with [redacted]', phone: '[phone]', ratio: 0.0061108581562 });
    expect(JSON.parse(readFileSync(join(root, 'config.json'), 'utf8')).roster.incidentCommander).toEqual({ name: 'Ana Ruiz', contact: '[email]' });
    const text = allText(out);
    for (const leak of [SECRET, EMAIL, PHONE]) expect(text).not.toContain(leak);
    expect(execFileSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: root, encoding: 'utf8' })).not.toContain('FAILED');
  });

  it('canary-tui archive without a window to pack is bad input that names the folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'canary-noarchive-'));
    await expect(runArchive({ auditDir: dir }, () => {}, {}, 0)).rejects.toThrow(`--audit-dir: (top level): expected a window's audit log in ${dir}, found none; nothing was archived`);
  });
});

describe('cleaning JSON for the archive', () => {
  it('strips user:password from a URL anywhere in a string, keeps a list of tokens out, and loses no key that masks alike', async () => {
    const { cleanJson } = await import('../../src/aftermath/sanitize.js');
    const c = { keep: [] };
    expect(cleanJson({ detail: 'fetch failed for https://svc:pw@grafana.example.com/api', tokens: ['abc123'], ratio: 0.0061108581562 }, c))
      .toEqual({ detail: 'fetch failed for https://grafana.example.com/api', tokens: ['[removed]'], ratio: 0.0061108581562 });
    expect(cleanJson({ 'latency|canary|a@example.com': 'no data', 'latency|canary|b@example.com': 'stale' }, c))
      .toEqual({ 'latency|canary|[email]': 'no data', 'latency|canary|[email]#2': 'stale' });
  });
});
