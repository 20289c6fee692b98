/** Percent → per-server weights and back, and the runtime API's address and reply parsing: pure, no HAProxy needed. */
import { describe, expect, it } from 'vitest';
import { canaryShare, planWeights } from '../../src/adapters/haproxy-plan.js';
import { parseGetWeight, parseRuntimeAddress, runtimeCommand } from '../../src/adapters/haproxy-runtime.js';

const one = { canary: ['c1'], stable: ['s1'], scale: 100 };
const many = { canary: ['c1', 'c2', 'c3'], stable: ['s1', 's2'], scale: 100 };

describe('planWeights', () => {
  it.each([
    [5, one, { c1: 5, s1: 95 }],
    [0, one, { c1: 0, s1: 100 }],
    [100, one, { c1: 100, s1: 0 }],
    [5, many, { c1: 2, c2: 2, c3: 1, s1: 48, s2: 47 }],
    [50, many, { c1: 17, c2: 17, c3: 16, s1: 25, s2: 25 }],
    [2.5, { ...one, scale: 200 }, { c1: 5, s1: 195 }],
    [25, { ...one, scale: 256 }, { c1: 64, s1: 192 }],
  ])('%d%% over %j is %j', (percent, groups, want) => {
    const plan = planWeights(percent, groups);
    expect(plan).toBeInstanceOf(Map);
    expect(Object.fromEntries(plan as Map<string, number>)).toEqual(want);
    expect(canaryShare(plan as Map<string, number>, groups)).toBe(percent);
  });

  it('refuses a percent that is not a whole number of units instead of rounding it', () => {
    expect(planWeights(5, { ...one, scale: 256 })).toBe('5% is not a whole number of weight units at scale 256 (12.80); choose a scale that makes it one');
    expect(planWeights(2.5, one)).toMatch(/^2.5% is not a whole number/);
  });

  it.each([-1, 101, NaN])('refuses %d%%', (percent) => expect(planWeights(percent, one)).toMatch(/^refused weight/));
});

describe('canaryShare', () => {
  it('is null when every server is at weight 0 (no traffic at all)', () => {
    expect(canaryShare(new Map([['c1', 0], ['s1', 0]]), one)).toBeNull();
  });
  it('rounds to two decimals', () => {
    expect(canaryShare(new Map([['c1', 1], ['s1', 2]]), one)).toBe(33.33);
  });
});

describe('runtime API addresses and replies', () => {
  it.each([
    ['/run/haproxy/admin.sock', { path: '/run/haproxy/admin.sock' }],
    ['admin.sock', { path: 'admin.sock' }],
    ['127.0.0.1:9999', { host: '127.0.0.1', port: 9999 }],
    ['lb.internal:9999', { host: 'lb.internal', port: 9999 }],
    ['[::1]:9999', { host: '::1', port: 9999 }],
    ['./run/lb:1', { path: './run/lb:1' }],
  ])('"%s" is %j', (text, want) => expect(parseRuntimeAddress(text)).toEqual(want));

  it.each(['', 'host:0', 'host:70000'])('"%s" is not an address', (text) => expect(parseRuntimeAddress(text)).toBeNull());

  it.each([
    ['10 (initial 10)\n\n', 10],
    ['0 (initial 100)\n', 0],
    ['No such server.\n\n', null],
    ['', null],
  ])('get weight reply %j is %j', (reply, want) => expect(parseGetWeight(reply)).toBe(want));

  it('refuses to send a line that would carry a second command', async () => {
    await expect(runtimeCommand({ path: '/nonexistent' }, 'set weight app/c1 5; shutdown sessions server app/s1', 100)).rejects.toThrow(/refused/);
    await expect(runtimeCommand({ path: '/nonexistent' }, 'get weight app/c1\nshutdown frontend fe', 100)).rejects.toThrow(/refused/);
  });
});
