/**
 * Random interleavings of checks, IC commands and load-balancer answers (ok,
 * failed, mismatch, delayed while other commands arrive). Whatever happens:
 * no weight but 0 is ever set after a confirmed rollback, and no advance
 * succeeds on a check whose gated KPIs are all UNKNOWN.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../../rules/policy.js';
import { MemoryAuditLog } from '../../src/audit/audit-log.js';
import { VirtualClock } from '../../src/clock/virtual-clock.js';
import { Engine } from '../../src/engine/engine.js';
import type { Source, SourceResult } from '../../src/sources/source.js';
import { FixtureSource } from '../../src/sources/fixture-source.js';
import { ControllableAdapter, type Answer } from './controllable-adapter.js';
import { START, syntheticFixture } from './synthetic.js';

const FIXTURE = syntheticFixture(400);

class Toggle implements Source {
  readonly name = 'toggle';
  on = true;
  readonly #inner = new FixtureSource(FIXTURE);
  async read(at: number): Promise<SourceResult> {
    return this.on ? this.#inner.read(at) : { samples: [], problems: [] };
  }
}

type Act = 'check' | 'open' | 'advance' | 'override' | 'approve' | 'hold' | 'resume' | 'rollback' | 'data-on' | 'data-off';
const ACTS: Act[] = ['check', 'check', 'check', 'open', 'open', 'advance', 'override', 'override', 'approve', 'hold', 'resume', 'rollback', 'data-on', 'data-off', 'data-off'];
const ANSWERS: Answer[] = ['ok', 'ok', 'failed', 'mismatch'];
const step = fc.record({ acts: fc.array(fc.constantFrom(...ACTS), { minLength: 1, maxLength: 3 }), answers: fc.array(fc.constantFrom(...ANSWERS), { minLength: 1, maxLength: 4 }), delayed: fc.boolean() });

interface Step { acts: Act[]; answers: Answer[]; delayed: boolean }

async function run(steps: Step[]): Promise<void> {
  const clock = new VirtualClock(START);
  const source = new Toggle();
  const adapter = new ControllableAdapter();
  const engine = new Engine({
    policy: { ...DEFAULT_POLICY, checkIntervalMs: 60_000, phases: DEFAULT_POLICY.phases.map((p) => ({ ...p, minDurationMs: 2 * 60_000 })) },
    clock, source, adapter, audit: new MemoryAuditLog(), retry: { attempts: 2, backoffMs: 100 },
    meta: { release: { tag: 't', commit: 'c', service: 's', region: 'r', channel: '#c', ceoHandle: '<@U0CEO>' }, mode: 'LIVE', speed: null, operator: 'ic', sourceName: 'toggle', endsAt: null },
  });
  let blindAdvance = false;
  engine.on((e) => {
    if (e.type === 'action' && e.action === 'advance' && e.ok && (engine.decisions === null || engine.decisions.blind)) blindAdvance = true;
  });
  await engine.start();
  let confirmedAt: number | null = null;
  for (const s of steps) {
    let answer = 0;
    adapter.auto = s.delayed ? null : s.answers[0]!;
    const jobs = s.acts.map((a) => {
      switch (a) {
        case 'check': clock.advance(60_000); return engine.check();
        case 'open': return engine.actions.open('ic');
        case 'advance': return engine.actions.advance('ic', {});
        case 'override': return engine.actions.advance('ic', { override: 'drill' });
        case 'approve': return engine.actions.advance('ic', { override: 'drill', approvedBy: 'ceo' });
        case 'hold': return engine.actions.hold('ic');
        case 'resume': return engine.actions.resume('ic');
        case 'rollback': return engine.actions.rollback('ic', 'drill');
        case 'data-on': source.on = true; return Promise.resolve();
        case 'data-off': source.on = false; return Promise.resolve();
      }
    });
    let settled = false;
    const all = Promise.all(jobs).then(() => (settled = true));
    for (let turn = 0; !settled && turn < 5000; turn++) {
      if (adapter.pending.length) adapter.answer(s.answers[answer++ % s.answers.length]!);
      else await new Promise((r) => setImmediate(r));
    }
    await all;
    if (confirmedAt === null && engine.state.status === 'rolled-back') confirmedAt = adapter.applied.length;
  }
  if (confirmedAt !== null) expect(adapter.applied.slice(confirmedAt)).toEqual([]);
  expect(blindAdvance).toBe(false);
}

describe('the window under random interleavings', () => {
  it('never moves traffic after a confirmed rollback and never advances blind', async () => {
    await fc.assert(fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 25 }), run), { numRuns: 1000 });
  });
});
