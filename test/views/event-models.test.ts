/** Issue 8, observation 11: a hold's event read "hold 100%→100%", as if traffic had moved. */
import { describe, expect, it } from 'vitest';
import type { EngineEvent } from '../../src/engine/events.js';
import { eventModels } from '../../views/event-models.js';

const action = (over: Partial<Extract<EngineEvent, { type: 'action' }>>): EngineEvent => ({
  type: 'action', at: '2026-11-20T04:10:00.000Z', action: 'hold', fromWeight: 25, toWeight: 25, reason: 'IC hold', operator: 'alice', ok: true, detail: 'no weight change', ...over,
});

describe('event lines', () => {
  it.each<[string, EngineEvent, string]>([
    ['a hold moves nothing and says where it holds', action({}), 'hold at 25% by alice: OK · no weight change'],
    ['an advance says from and to', action({ action: 'advance', toWeight: 50, detail: 'set weight 50%; read back 50%' }), 'advance 25%→50% by alice: OK · set weight 50%; read back 50%'],
    ['a refusal says refused, not failed', action({ action: 'advance', ok: false, detail: 'refused: window is rolled-back' }), 'advance at 25% by alice: REFUSED · window is rolled-back'],
    ['a failed move says failed', action({ action: 'rollback', toWeight: 0, ok: false, detail: 'set weight failed: connection refused' }), 'rollback 25%→0% by alice: FAILED · set weight failed: connection refused'],
    ['a quit says the weight left', { type: 'stop', at: '2026-11-20T04:10:00.000Z', operator: 'alice', weight: 5, windowStatus: 'running', reason: 'the IC quit' }, 'stopped by alice with the canary at 5% (window running)'],
  ])('%s', (_name, event, text) => {
    expect(eventModels([event]).map((e) => e.text)).toEqual([text]);
  });
});
