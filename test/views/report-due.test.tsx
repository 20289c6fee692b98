/**
 * The header's report indicator: the next report's countdown, "due" the
 * moment one falls due, YELLOW (▲, for NO_COLOR) when it has not been posted
 * or copied within five minutes, back to the countdown once it is out.
 */
import { cleanup, render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { initialWindow } from '../../rules/phases.js';
import { DEFAULT_POLICY } from '../../rules/policy.js';
import { Header } from '../../views/Header.js';
import { reportDueToast, reportIndicator } from '../../views/report-due.js';
import { plain } from './helpers.js';
import { sampleModel } from './sample-model.js';

afterEach(() => cleanup());

const DUE = Date.parse('2026-11-20T04:15:00Z');
const min = 60_000;
const running = { ...initialWindow(DEFAULT_POLICY, DUE - 15 * min, 'running', 5), lastReportAt: DUE };

describe('the report indicator', () => {
  it('counts down to the next report when none is outstanding', () => {
    expect(reportIndicator(DEFAULT_POLICY, running, { dueAt: null, deliveredAt: null }, DUE)).toEqual({ text: 'next report in 15m', late: false });
    expect(reportIndicator(DEFAULT_POLICY, running, { dueAt: DUE, deliveredAt: DUE + 2 * min }, DUE + 3 * min)).toEqual({ text: 'next report in 12m', late: false });
  });

  it('says a report is due the moment it falls due, and until five minutes later', () => {
    expect(reportIndicator(DEFAULT_POLICY, running, { dueAt: DUE, deliveredAt: null }, DUE)).toEqual({ text: 'report of 04:15 UTC due: c copies, p posts', late: false });
    expect(reportIndicator(DEFAULT_POLICY, running, { dueAt: DUE, deliveredAt: DUE - min }, DUE + 4 * min + 59_000).late).toBe(false);
  });

  it('turns YELLOW when the due report is neither posted nor copied within five minutes', () => {
    expect(reportIndicator(DEFAULT_POLICY, running, { dueAt: DUE, deliveredAt: DUE - min }, DUE + 5 * min)).toEqual({ text: 'report of 04:15 UTC not posted or copied for 5m', late: true });
    expect(reportIndicator(DEFAULT_POLICY, running, { dueAt: DUE, deliveredAt: null }, DUE + 7 * min).text).toBe('report of 04:15 UTC not posted or copied for 7m');
  });

  it('a decided window owes its last report, then no more', () => {
    const decided = { ...running, status: 'rolled-back' as const, weight: 0 };
    expect(reportIndicator(DEFAULT_POLICY, decided, { dueAt: DUE, deliveredAt: null }, DUE + 6 * min).late).toBe(true);
    expect(reportIndicator(DEFAULT_POLICY, decided, { dueAt: DUE, deliveredAt: DUE + min }, DUE + 6 * min)).toEqual({ text: 'no more reports: the window is decided', late: false });
  });

  it('the toast names the keys and the channel', () => {
    expect(reportDueToast(DUE, '#ship-room')).toBe('report of 04:15 UTC is due: c copies it, p posts it to #ship-room; it turns YELLOW if not out within 5m');
    expect(reportDueToast(DUE, null)).toBe('report of 04:15 UTC is due: c copies it; it turns YELLOW if not out within 5m');
  });

  it('the header shows a late report with a symbol as well as colour', () => {
    const m = sampleModel('healthy', (v) => { v.header.report = { text: 'report of 04:15 UTC not posted or copied for 6m', late: true }; });
    expect(plain(render(<Header header={m.header} />).lastFrame())).toContain('▲ report of 04:15 UTC not posted or copied for 6m · adapter:');
  });
});
