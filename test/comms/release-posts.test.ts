/**
 * The posts around the window, word for word where it matters: the bundled
 * drill's T-1h (NO-GO until SEO signs at 03:10, GO after), its T-0 with the
 * tag, commit and change record, a T-2h whose roster misses a role, and a
 * release tag that is no real date refused with the config path.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { releasePost } from '../../src/comms/release-posts.js';
import { loadConfig } from '../../src/config/load-config.js';
import { CLI } from '../live/live-helpers.js';

const post = (...args: string[]) => spawnSync(process.execPath, [CLI, 'post', ...args], { encoding: 'utf8' });
const META = { release: { tag: 'v20261202.1', commit: '4f9c2ab', service: 'web-app', region: 'us-west-2', channel: '#ship-room', ceoHandle: null }, mode: 'LIVE' as const, speed: null, operator: 'ic', sourceName: '', endsAt: null };

describe('canary-tui post on the bundled drill', { timeout: 30_000 }, () => {
  it('t-1h at T-1h is NO-GO item by item with who signed what; ten minutes later, with SEO signed, GO', () => {
    const at = post('t-1h');
    expect(at.status).toBe(0);
    const lines = at.stdout.trim().split('\n');
    expect(lines[0]).toBe('*T-1h pre-flight: NO-GO* · web-app v20261120.1 (`4f9c2ab`) · _REHEARSAL_');
    expect(lines).toContain('✔ GREEN Security sign-off: signed by Ed Fox (Security/Compliance) at 02:45 UTC');
    expect(lines).toContain('? UNKNOWN SEO / Auto Page Maker: waiting for PM-B2C (Cy Diaz) to sign');
    expect(lines).toHaveLength(2 + 12 + 1);
    const later = post('t-1h', '--at', '2026-11-20T03:10:00Z');
    expect(later.stdout).toMatch(/^\*T-1h pre-flight: GO\* /);
    expect(later.stdout).toContain('✔ GREEN SEO / Auto Page Maker: signed by Cy Diaz (PM-B2C) at 03:10 UTC');
  });

  it('t-0 names the tag, the commit and the change record links; t-2h the roster with contacts', () => {
    expect(post('t-0').stdout.split('\n').slice(0, 4)).toEqual([
      '*T-0 · prod release v20261120.1* · web-app v20261120.1 (`4f9c2ab`) · _REHEARSAL_',
      '*Tag* v20261120.1 · commit `4f9c2ab`',
      '*Window* T-0 2026-11-20 04:00 UTC · us-west-2',
      '*Change record* <https://git.example.com/web-app/blob/main/CEO_FINAL_DIRECTIVE.md|CEO_FINAL_DIRECTIVE.md> · <https://git.example.com/web-app/blob/main/HANDOFF_SUMMARY.md|HANDOFF_SUMMARY.md>',
    ]);
    expect(post('t-2h').stdout).toContain('\n• CEO (executive tie-break): Gil Hart <@U07GIL>\n');
    const bad = post('t-3h');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe('canary-tui: bad input: KIND: (top level): expected one of ack, t-2h, t-1h, t-0; got "t-3h"\n');
  });
});

describe('the posts, pure', () => {
  it('a roster missing a role says MISSING with the config path', () => {
    const roster = { incidentCommander: { name: 'Ana Ruiz', contact: '<@U01ANA>' }, releaseEng: { name: 'Bo Chen', contact: '' } };
    const text = releasePost('t-2h', { meta: META, config: { roster }, region: null, trough: null, preflight: null, now: 0 });
    expect(text).toContain('\n• Incident Commander: Ana Ruiz <@U01ANA>\n• Release Eng: MISSING (roster.releaseEng)\n• PM-B2C: MISSING (roster.pmB2c)\n');
    expect(text).toContain('*Window* no window.start in the config: T-0 not planned');
  });

  it('the acknowledgement proposes the window from the region\'s lowest-RPS trough', () => {
    const text = releasePost('ack', { meta: META, config: {}, region: { chosen: 'us-west-2', rationale: 'us-west-2: lowest 7-day RPS with 42% spare' }, trough: { at: Date.parse('2026-12-03T04:00:00Z'), meanRps: 1234.4 }, preflight: null, now: 0 });
    expect(text).toBe('*Acknowledged: CEO_FINAL_DIRECTIVE.md* · web-app v20261202.1 (`4f9c2ab`)\nProposed canary window: 2026-12-03 04:00 UTC, the lowest-RPS hour of the week in us-west-2 (mean 1,234 rps over 7 days)\n*Region* us-west-2: lowest 7-day RPS with 42% spare');
  });

  it('a release tag that is no real date is refused, naming the file and release.tag', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'canary-tag-')), 'window.yaml');
    writeFileSync(file, 'release: { tag: v20261131.1 }\n');
    await expect(loadConfig(file)).rejects.toThrow(`${file}: release.tag: expected vYYYYMMDD.X with a real calendar date, like v20261126.1`);
    writeFileSync(file, 'release: { tag: 2026-11-30 }\n');
    await expect(loadConfig(file)).rejects.toThrow(`${file}: release.tag: expected a tag like v20261126.1`);
  });
});
