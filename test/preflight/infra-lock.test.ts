/**
 * The infra lock through the team's programs (config preflight.infraLock),
 * run for real: shell scripts keep the lock in a file. The lock is read
 * back, never assumed from an exit code; its removal counts only when the
 * read after it says unlocked; stderr (where a token may be) is never shown.
 * With the adapter the pre-flight item is read back instead of signed, and
 * `canary-tui sign remove-infra-lock` signs only a confirmed removal.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../../rules/policy.js';
import { HEALTHY } from '../../src/engine/source-health.js';
import { InfraLock } from '../../src/preflight/infra-lock.js';
import { PreflightHost } from '../../src/preflight/preflight-host.js';
import { CLI } from '../live/live-helpers.js';

/** A lock kept in a file, with a status and a remove program; `removeDoes` is what the remove script runs. */
function lockOnDisk(state: string, removeDoes = 'printf unlocked > "$0"') {
  const dir = mkdtempSync(join(tmpdir(), 'canary-lock-'));
  const file = join(dir, 'lock');
  writeFileSync(file, state);
  return { file, cfg: { status: ['sh', '-c', 'echo "secret-token-xyz" >&2; cat "$0"', file], remove: ['sh', '-c', removeDoes, file], timeout: 2000 } };
}

describe('InfraLock', () => {
  it('reads locked and unlocked back, and anything else as unreadable with the reason', async () => {
    expect(await new InfraLock(lockOnDisk('locked\n').cfg).read()).toEqual({ state: 'locked', detail: 'read back: locked' });
    expect(await new InfraLock(lockOnDisk('UNLOCKED since 04:00').cfg).read()).toEqual({ state: 'unlocked', detail: 'read back: unlocked' });
    expect(await new InfraLock(lockOnDisk('maybe').cfg).read()).toEqual({ state: null, detail: 'status printed "maybe", expected locked or unlocked' });
    const failing = { status: ['sh', '-c', 'echo token=abc >&2; exit 3'], remove: ['true'], timeout: 2000 };
    expect(await new InfraLock(failing).read()).toEqual({ state: null, detail: 'status exited 3' });
    expect(await new InfraLock({ ...failing, status: ['sleep', '5'], timeout: 200 }).read()).toEqual({ state: null, detail: 'status did not answer within 0.2s' });
    expect(await new InfraLock({ ...failing, status: ['/nonexistent/lbctl'] }).read()).toEqual({ state: null, detail: 'status could not start (ENOENT)' });
  });

  it('a removal counts only when the lock reads back unlocked after it; stderr never shows', async () => {
    const good = lockOnDisk('locked');
    expect(await new InfraLock(good.cfg).remove()).toEqual({ ok: true, detail: 'lock removed; read back: unlocked' });
    expect(readFileSync(good.file, 'utf8')).toBe('unlocked');
    // Exit 0 and nothing done: the read says so.
    const idle = lockOnDisk('locked', 'true');
    expect(await new InfraLock(idle.cfg).remove()).toEqual({ ok: false, detail: 'remove exited 0, but the lock still reads back locked' });
    const broken = lockOnDisk('locked', 'echo "Authorization: Bearer s3cr3t" >&2; exit 1');
    const r = await new InfraLock(broken.cfg).remove();
    expect(r).toEqual({ ok: false, detail: 'remove exited 1, but the lock still reads back locked' });
    expect(JSON.stringify(r)).not.toMatch(/s3cr3t|secret-token/);
  });
});

describe('the infra lock in pre-flight', () => {
  const roster = { releaseEng: { name: 'Bo Chen', contact: '<@U02BO>' } };
  const noSignatures = { read: () => [], append: () => {} };

  it('with an adapter the item is read back (RED when unlocked), without one it waits for Release Eng to sign', async () => {
    const itemOf = async (state: string | null) => {
      const lock = state === null ? null : new InfraLock(lockOnDisk(state).cfg);
      const host = new PreflightHost({ roster }, DEFAULT_POLICY, noSignatures, null, [], null, lock);
      host.tick(1000, null, HEALTHY);
      await host.settled();
      return host.view(1000).items.find((i) => i.item.id === 'infra-lock');
    };
    expect(await itemOf('locked')).toMatchObject({ status: 'GREEN', detail: 'read back: locked' });
    expect(await itemOf('unlocked')).toMatchObject({ status: 'RED', detail: 'read back: unlocked: the infra lock is not set' });
    expect(await itemOf('garbage')).toMatchObject({ status: 'RED', detail: 'status printed "garbage", expected locked or unlocked' });
    expect(await itemOf(null)).toMatchObject({ status: 'UNKNOWN', detail: 'waiting for Release Eng (Bo Chen) to sign' });
  });
});

describe('canary-tui sign remove-infra-lock with a lock adapter', { timeout: 30_000 }, () => {
  const setUp = (removeDoes?: string) => {
    const lock = lockOnDisk('locked', removeDoes);
    const dir = mkdtempSync(join(tmpdir(), 'canary-unlock-'));
    const config = join(dir, 'window.json');
    writeFileSync(config, JSON.stringify({
      release: { tag: 'v20261202.3', commit: '4f9c2ab', service: 'web-app', region: 'us-west-2' },
      roster: roster(), preflight: { infraLock: { status: lock.cfg.status, remove: lock.cfg.remove, timeout: '2s' } },
    }));
    const audit = join(dir, 'audit');
    spawnSync('mkdir', ['-p', audit]);
    writeFileSync(join(audit, 'v20261202.3-live.jsonl'), '');
    const run = () => spawnSync(process.execPath, [CLI, 'sign', 'remove-infra-lock', '--as', 'Bo Chen', '--config', config, '--audit-dir', audit], { encoding: 'utf8' });
    const records = () => readFileSync(join(audit, 'v20261202.3-live.jsonl'), 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l));
    return { lock, audit, run, records };
  };
  const roster = () => ({ releaseEng: { name: 'Bo Chen', contact: '<@U02BO>' } });

  it('runs the removal, reads it back, then signs and audits what was read', () => {
    const t = setUp();
    const r = t.run();
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^signed remove-infra-lock \(Remove infra lock\) as Bo Chen, Release Eng, at \d\d:\d\d UTC for window v20261202\.3-live \(lock removed; read back: unlocked\)\n$/);
    expect(readFileSync(t.lock.file, 'utf8')).toBe('unlocked');
    expect(t.records()).toEqual([expect.objectContaining({ type: 'signature', item: 'remove-infra-lock', operator: 'Bo Chen', detail: 'lock removed; read back: unlocked' })]);
  });

  it('a removal that does not read back is not signed: exit 6, the refusal audited, no signature file', () => {
    const t = setUp('true');
    const r = t.run();
    expect(r.status).toBe(6);
    expect(r.stdout).toBe('not signed: the infra lock is not confirmed removed (remove exited 0, but the lock still reads back locked)\n');
    expect(t.records()).toEqual([expect.objectContaining({ type: 'refusal', action: 'sign', item: 'remove-infra-lock', why: 'remove exited 0, but the lock still reads back locked' })]);
    expect(existsSync(join(t.audit, 'v20261202.3-live-signatures.jsonl'))).toBe(false);
  });
});
