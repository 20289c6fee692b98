/**
 * The report's who-and-what-next lines: the IC's actions since the last
 * report (overrides and approvals named as such, the engine's own moves
 * left to the triggers), the directive's three recommendation words, and
 * CEO mentions that ping (a bare @name is a lint warning).
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../../rules/policy.js';
import { initialWindow } from '../../rules/phases.js';
import { ceoMention, isSlackMention, lintMentions } from '../../src/comms/mentions.js';
import { actionLines, directiveVerdict, nextActionLine, nextReportLine } from '../../src/report/report-verdict.js';

const T = Date.parse('2026-11-20T05:00:00Z');
const MIN = 60_000;
const act = (minutesAgo: number, operator: string, reason: string, action = 'advance') => ({
  at: new Date(T - minutesAgo * MIN).toISOString(), action, fromWeight: 5, toWeight: 25, operator, reason, ok: true,
});

describe('since the last report', () => {
  it('lists the IC\'s actions of the last 15 minutes, overrides and approvals by name; the engine\'s own and older ones are left out', () => {
    const lines = actionLines([
      act(20, 'Ana Ruiz', 'OVERRIDE: too old'),
      act(10, 'Ana Ruiz', 'OVERRIDE: search blip understood (blocked by: minimum time not served)'),
      act(5, 'canary-tui (auto)', 'all gates GREEN, minimum time served'),
      act(2, 'Ana Ruiz', 'gate review approved by Gil Hart (the CEO joined)'),
    ], T, 15 * MIN);
    expect(lines).toEqual([
      '*Since the last report*',
      '• 04:50 override: advance 5% → 25% by Ana Ruiz · OVERRIDE: search blip understood (blocked by: minimum time not served)',
      '• 04:58 approval: advance 5% → 25% by Ana Ruiz · gate review approved by Gil Hart (the CEO joined)',
    ]);
    expect(actionLines([act(5, 'canary-tui (auto)', 'auto')], T, 15 * MIN)).toEqual(['*Since the last report* no overrides, approvals or IC actions']);
  });
});

describe('recommendation and next steps', () => {
  it('a hold reads NO-GO with its reason; the next action and report follow the window', () => {
    const running = initialWindow(DEFAULT_POLICY, T - 30 * MIN);
    expect(directiveVerdict(running, null)).toEqual({ recommendation: 'NO-GO', because: 'hold: no check has run yet' });
    expect(directiveVerdict({ ...running, status: 'held', holdReason: 'IC: looking at search' }, null)).toEqual({ recommendation: 'NO-GO', because: 'held: IC: looking at search' });
    expect(directiveVerdict({ ...running, status: 'rolled-back', weight: 0 }, null).recommendation).toBe('ROLLBACK');
    expect(nextReportLine(DEFAULT_POLICY, { ...running, lastReportAt: T }, T)).toBe('*Next report* 05:15 UTC');
    expect(nextReportLine(DEFAULT_POLICY, { ...running, status: 'promoted' }, T)).toBe('*Next report* none: the window is decided');
    expect(nextActionLine(DEFAULT_POLICY, { ...running, status: 'ready' }, null, T)).toBe('*Next action* the IC opens the window at 5%');
  });
});

describe('CEO mentions', () => {
  it('takes the roster\'s CEO contact, then release.ceoHandle; only real mentions ping and a bare @name is a warning', () => {
    expect(ceoMention({ roster: { ceo: { name: 'Gil Hart', contact: '<@U07GIL>' } }, release: { ceoHandle: '<!subteam^S0CEO>' } })).toBe('<@U07GIL>');
    expect(ceoMention({ release: { ceoHandle: '<!subteam^S0CEO>' } })).toBe('<!subteam^S0CEO>');
    expect(ceoMention({})).toBeNull();
    expect(['<@U07GIL>', '<!subteam^S0CEO|ceo-office>', '<@W123>'].map(isSlackMention)).toEqual([true, true, true]);
    expect(['@ceo', 'U07GIL', '<@u07gil>'].map(isSlackMention)).toEqual([false, false, false]);
    expect(lintMentions({ release: { ceoHandle: '@ceo' }, roster: { releaseEng: { name: 'Bo', contact: '@bo' }, pmB2c: { name: 'Cy', contact: '<@U03CY>' } } })).toEqual([
      { path: 'release.ceoHandle', message: '"@ceo" is plain text in Slack and pings nobody; use a user mention <@U…> or a group mention <!subteam^S…>' },
      { path: 'roster.releaseEng.contact', message: '"@bo" is plain text in Slack and pings nobody; use a user mention <@U…> or a group mention <!subteam^S…>' },
    ]);
  });
});
