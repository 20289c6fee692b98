/**
 * The report as Block Kit within Slack's limits: every section at most
 * 3,000 characters, at most 50 blocks, lines whole, every fenced table
 * balanced and headed in each section it spans; over 50 blocks the latency
 * table loses whole rows and says how many. Posted as blocks to a loopback
 * stand-in for the webhook, with the text as the notification fallback.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { reportBlocks, SLACK_MAX_BLOCKS, SLACK_SECTION_LIMIT, type SectionBlock } from '../../src/comms/slack-blocks.js';
import { SlackPoster } from '../../src/comms/slack-post.js';
import { Redactor } from '../../src/config/secrets.js';
import { recordingServer, type RecordingServer } from '../support/recording-server.js';
import { buildReport } from '../../src/report/slack-report.js';
import { DEFAULT_POLICY } from '../../rules/policy.js';
import { initialWindow } from '../../rules/phases.js';
import { NOW, snapshotOf, HEALTHY } from '../views/build-input.js';

const HEADER = 'journey   P50   P95   P99';
const report = (n: number) => ['*Canary status*', '', '*Latency*', '```', HEADER,
  ...Array.from({ length: n }, (_, i) => `journey-${String(i).padStart(4, '0')}                    42/41     93/90   149/144`), '```', '*Recommendation: GO* · all gates GREEN'].join('\n');

function wellFormed(blocks: SectionBlock[]): void {
  expect(blocks.length).toBeLessThanOrEqual(SLACK_MAX_BLOCKS);
  for (const b of blocks) {
    expect(b.type).toBe('section');
    expect(b.text.type).toBe('mrkdwn');
    expect(b.text.text.length).toBeLessThanOrEqual(SLACK_SECTION_LIMIT);
    const fences = b.text.text.split('\n').filter((l) => l === '```').length;
    expect(fences % 2).toBe(0);
    // A section that shows table rows shows the header first.
    const lines = b.text.text.split('\n');
    const open = lines.indexOf('```');
    if (open >= 0 && lines.slice(open + 1).some((l) => l.startsWith('journey-'))) expect(lines[open + 1]).toBe(HEADER);
  }
}

describe('Block Kit', () => {
  it('a real report fits one section or a few, and says everything the text says', () => {
    const text = buildReport({ meta: { release: { tag: 'v20261120.1', commit: '4f9c2ab', service: 'web-app', region: 'us-west-2', channel: '#ship-room', ceoHandle: '<@U0CEO>' }, mode: 'LIVE', speed: null, operator: 'alice', sourceName: 'x', endsAt: null },
      policy: DEFAULT_POLICY, state: initialWindow(DEFAULT_POLICY, NOW - 40 * 60_000, 'running', 5), decisions: null, snapshot: snapshotOf(HEALTHY), now: NOW });
    const blocks = reportBlocks(text);
    wellFormed(blocks);
    expect(blocks.map((b) => b.text.text).join('\n')).toBe(text);
  });

  it('a long table spans sections, each fenced and headed, no row lost or cut', () => {
    const text = report(400);
    const blocks = reportBlocks(text);
    expect(blocks.length).toBeGreaterThan(1);
    wellFormed(blocks);
    const rows = blocks.flatMap((b) => b.text.text.split('\n').filter((l) => l.startsWith('journey-')));
    expect(rows).toEqual(text.split('\n').filter((l) => l.startsWith('journey-')));
    expect(blocks.at(-1)!.text.text.endsWith('*Recommendation: GO* · all gates GREEN')).toBe(true);
  });

  it('over 50 blocks the table loses whole rows from its end and says how many; what follows the table stays', () => {
    const text = report(3000);
    const blocks = reportBlocks(text);
    wellFormed(blocks);
    const all = blocks.map((b) => b.text.text).join('\n');
    const rows = all.split('\n').filter((l) => l.startsWith('journey-'));
    expect(rows).toEqual(text.split('\n').filter((l) => l.startsWith('journey-')).slice(0, rows.length));
    expect(all).toContain(`(${3000 - rows.length} more rows not shown: Slack's 50-block limit)`);
    expect(all.endsWith('*Recommendation: GO* · all gates GREEN')).toBe(true);
    expect(blocks.length).toBe(SLACK_MAX_BLOCKS);
  });
});

describe('posting as blocks', () => {
  let server: RecordingServer | null = null;
  afterEach(() => server?.close());

  it('sends the blocks with the text as the fallback', async () => {
    server = await recordingServer();
    const url = `${server.url}/services/T/B/blocksecret`;
    const r = new Redactor();
    r.add(url);
    const text = report(400);
    expect(await new SlackPoster(url, '#ship-room', 2000, r, 'blocks').post(text)).toEqual({ ok: true, detail: 'posted to #ship-room (Slack answered ok)' });
    const sent = JSON.parse(server.seen[0]!.body) as { text: string; blocks: SectionBlock[] };
    expect(sent.text).toBe(text);
    expect(sent.blocks).toEqual(reportBlocks(text));
    wellFormed(sent.blocks);
  });
});

describe('Block Kit edges', () => {
  it('a row near 3,000 characters in a continued table still fits its section with the fences and header', () => {
    const long = `journey-long ${'x'.repeat(2985)}`;
    const text = ['```', HEADER, ...Array.from({ length: 3 }, () => long), '```'].join('\n');
    const blocks = reportBlocks(text);
    for (const b of blocks) expect(b.text.text.length).toBeLessThanOrEqual(SLACK_SECTION_LIMIT);
    expect(blocks.length).toBeGreaterThanOrEqual(3);
  });
});
