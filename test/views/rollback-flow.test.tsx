/**
 * The whole loop on screen: a key becomes a command, a stand-in for the
 * engine applies it to the model, and the next frame shows the result.
 */
import { cleanup, render } from 'ink-testing-library';
import { useState } from 'react';
import { afterEach, expect, it } from 'vitest';
import { App } from '../../views/App.js';
import type { Command } from '../../views/commands.js';
import type { ViewModel } from '../../views/view-model.js';
import { lineWith, plain, settle } from './helpers.js';
import { sampleModel } from './sample-model.js';

afterEach(() => cleanup());

/** What the engine would make of a rollback, reduced to what the screen shows. */
function applyRollback(m: ViewModel, reason: string): ViewModel {
  return {
    ...m,
    header: { ...m.header, weight: 0, windowStatus: 'rolled-back', status: 'RED', recommendation: 'ROLLBACK', because: 'window rolled back' },
    events: [...m.events, { at: '14:33', text: `rollback ${m.header.weight}%→0% by alice: OK · ${reason}`, tone: 'info' }],
    actions: { ...m.actions, canAdvance: false, advanceBlockers: ['window is rolled-back'], terminal: true },
  };
}

function WarRoom({ initial, log }: { initial: ViewModel; log: Command[] }) {
  const [model, setModel] = useState(initial);
  return (
    <App
      model={model}
      onCommand={(c) => {
        log.push(c);
        if (c.type === 'rollback') setModel((m) => applyRollback(m, c.reason));
      }}
    />
  );
}

it('r, y rolls the canary back to 0% and the screen says so', async () => {
  const log: Command[] = [];
  const initial = sampleModel('healthy', (m) => {
    m.header.phase = 'Phase 3/4';
    m.header.weight = 50;
  });
  const { stdin, lastFrame } = render(<WarRoom initial={initial} log={log} />);
  const before = plain(lastFrame());
  expect(before).toContain('Phase 3/4 · 50% · running');
  expect(before).toContain('✔ GREEN');
  expect(before).not.toContain('rollback 50%→0%');

  stdin.write('r');
  await settle();
  stdin.write('y');
  await settle();

  const after = plain(lastFrame());
  expect(log).toEqual([{ type: 'rollback', reason: 'IC rollback from the war room' }]);
  expect(after).toContain('Phase 3/4 · 0% · rolled-back');
  expect(lineWith(after, 'ROLLBACK')).toContain('✖ RED');
  expect(lineWith(after, 'rollback 50%→0%')).toContain('by alice: OK · IC rollback from the war room');
  const footer = after.trimEnd().split('\n').at(-1) ?? '';
  expect(footer).not.toMatch(/rollback|advance|hold/);
  expect(after).not.toContain('ROLL BACK canary');

  // A second r is not a key any more: nothing is sent.
  stdin.write('r');
  await settle();
  expect(log).toHaveLength(1);
});
