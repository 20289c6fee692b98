/** PII masking: what looks like a person is masked; the team's mentions, SHAs, times and numbers stay. */
import { describe, expect, it } from 'vitest';
import { maskPii } from '../../src/comms/pii.js';

describe('maskPii', () => {
  it('masks e-mails, phone numbers, UUIDs and long IDs in label values and URLs', () => {
    expect(maskPii('journey checkout-jane.doe@example.com P95 120 ms')).toBe('journey [email] P95 120 ms');
    expect(maskPii('call +1 (415) 555-0134 now')).toBe('call [phone] now');
    expect(maskPii('or 415-555-0134')).toBe('or [phone]');
    expect(maskPii('https://grafana.internal/d/canary?user=550e8400-e29b-41d4-a716-446655440000')).toBe('https://grafana.internal/d/canary?user=[id]');
    expect(maskPii('session 4f9c2ab1e3d5f7a9b0c2 and account 123456789012')).toBe('session [id] and account [id]');
  });

  it('leaves Slack mentions, a short commit SHA, times, percentages and money alone', () => {
    const text = '*Canary status 2026-11-20 04:30 UTC* · web-app v20261120.1 (`4f9c2ab`) <@U07GIL> <!subteam^S0CEO> 99.85% $1,500.00 66/100 tx 147.8 ms';
    expect(maskPii(text)).toBe(text);
  });

  it('keeps what the caller names as its own: a full commit SHA', () => {
    const sha = '4f9c2ab1e3d5f7a9b0c24f9c2ab1e3d5f7a9b0c2';
    expect(maskPii(`commit ${sha} user 123456789012`, [sha])).toBe(`commit ${sha} user [id]`);
  });
});
