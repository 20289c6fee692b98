/**
 * The directive's region rule, table by table: the lowest 7-day RPS among
 * regions with adequate spare capacity; a tie goes to the west coast, and
 * between two west-coast regions to more headroom; a region without data is
 * excluded and said so. The trough proposes the window's start.
 */
import { describe, expect, it } from 'vitest';
import { chooseRegion, troughStart, type RegionReading } from '../../rules/region-choice.js';

const RULE = { minSpare: 0.3, tieWithin: 0.05 };
const r = (name: string, rps7d: number | null, spare: number | null, coast?: string): RegionReading => ({ name, rps7d, spare, ...(coast ? { coast } : {}) });

describe('chooseRegion', () => {
  it.each([
    ['a clear winner', [r('us-east-1', 4200, 0.5, 'east'), r('us-west-2', 1240, 0.42, 'west'), r('eu-west-1', 3000, 0.6)], 'us-west-2',
      'Canary region us-west-2: the lowest 7-day RPS among regions with at least 30% spare capacity (1,240 rps, 42% spare). Others: eu-west-1 3,000 rps, 60% spare; us-east-1 4,200 rps, 50% spare.'],
    ['the lowest without headroom is skipped', [r('us-east-2', 900, 0.18, 'east'), r('us-west-2', 1240, 0.42, 'west')], 'us-west-2',
      'Canary region us-west-2: the lowest 7-day RPS among regions with at least 30% spare capacity (1,240 rps, 42% spare). Others: us-east-2 skipped: 18% spare, under the 30% needed.'],
    ['a tie goes to the west coast', [r('us-east-1', 1200, 0.7, 'east'), r('us-west-2', 1240, 0.4, 'west')], 'us-west-2',
      'Canary region us-west-2: tied for the lowest 7-day RPS (within 5%) with us-east-1; the west-coast region with more headroom (1,240 rps, 40% spare). Others: us-east-1 1,200 rps, 70% spare.'],
    ['two west-coast regions tied: more headroom', [r('us-west-1', 1200, 0.35, 'west'), r('us-west-2', 1230, 0.55, 'west')], 'us-west-2',
      'Canary region us-west-2: tied for the lowest 7-day RPS (within 5%) with us-west-1; the west-coast region with more headroom (1,230 rps, 55% spare). Others: us-west-1 1,200 rps, 35% spare.'],
    ['missing data is excluded, never chosen', [r('ap-south-1', null, 0.9), r('us-west-2', 1240, 0.42, 'west'), r('us-east-1', 800, null, 'east')], 'us-west-2',
      'Canary region us-west-2: the lowest 7-day RPS among regions with at least 30% spare capacity (1,240 rps, 42% spare). Others: ap-south-1 excluded: no 7-day RPS data; us-east-1 excluded: no spare-capacity data.'],
  ])('%s', (_name, readings, chosen, rationale) => {
    const c = chooseRegion(readings, RULE);
    expect(c.chosen).toBe(chosen);
    expect(c.rationale).toBe(rationale);
  });

  it('no region qualifies: none chosen, and why', () => {
    expect(chooseRegion([r('us-east-1', 1000, 0.1), r('us-west-2', Number.NaN, 0.5)], RULE)).toMatchObject({
      chosen: null, rationale: 'No region qualifies (at least 30% spare capacity and 7-day RPS data): us-east-1 skipped: 10% spare, under the 30% needed; us-west-2 excluded: no 7-day RPS data.',
    });
  });
});

describe('troughStart', () => {
  it('proposes the next occurrence of the hour of the week with the lowest mean RPS', () => {
    const HOUR = 3_600_000;
    const monday = Date.parse('2026-11-23T00:00:00Z');
    // Two weeks of hourly samples: Wednesdays at 09:00 UTC are the quietest.
    const samples = Array.from({ length: 14 * 24 }, (_, h) => {
      const t = monday + h * HOUR;
      const d = new Date(t);
      return [t, d.getUTCDay() === 3 && d.getUTCHours() === 9 ? 200 : 1000 + (h % 24)] as [number, number];
    });
    expect(troughStart(samples, Date.parse('2026-12-02T04:26:00Z'))).toEqual({ at: Date.parse('2026-12-02T09:00:00Z'), meanRps: 200 });
    expect(troughStart(samples, Date.parse('2026-12-02T09:30:00Z'))!.at).toBe(Date.parse('2026-12-09T09:00:00Z'));
    expect(troughStart([], 0)).toBeNull();
  });
});
