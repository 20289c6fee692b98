import { describe, expect, it } from 'vitest';
import type { Command } from '../../views/commands.js';
import { handleKey } from '../../views/handle-key.js';
import { INITIAL_UI, type UiState } from '../../views/ui-state.js';
import type { ViewModel } from '../../views/view-model.js';
import { keyOf } from './helpers.js';
import { sampleModel } from './sample-model.js';

/** Feeds keys one by one, as useInput would, collecting the commands. */
function press(model: ViewModel, keys: (string | 'ENTER' | 'ESC' | 'BS')[], ui: UiState = INITIAL_UI) {
  const commands: Command[] = [];
  for (const k of keys) {
    const r = k === 'ENTER' ? handleKey(model, ui, '\r', keyOf({ return: true }))
      : k === 'ESC' ? handleKey(model, ui, '', keyOf({ escape: true }))
      : k === 'BS' ? handleKey(model, ui, '', keyOf({ backspace: true }))
      : handleKey(model, ui, k, keyOf());
    ui = r.ui;
    if (r.command) commands.push(r.command);
  }
  return { ui, commands };
}

const approval = (variant: 'healthy' | 'breaching') => sampleModel(variant, (m) => (m.actions.needsApproval = true));

describe('handleKey', () => {
  it.each([
    ['a on a clear window advances', sampleModel('healthy'), ['a'], [{ type: 'advance' }]],
    ['h on a running window holds', sampleModel('healthy'), ['h'], [{ type: 'hold' }]],
    ['h on a held window resumes', sampleModel('healthy', (m) => (m.actions.held = true)), ['h'], [{ type: 'resume' }]],
    ['c copies the report', sampleModel('healthy'), ['c'], [{ type: 'copy' }]],
    ['q quits', sampleModel('healthy'), ['q'], [{ type: 'quit' }]],
    ['r then y rolls back', sampleModel('healthy'), ['r', 'y'], [{ type: 'rollback', reason: 'IC rollback from the war room' }]],
    ['r then n cancels', sampleModel('healthy'), ['r', 'n'], []],
    ['r then Y (not y) cancels', sampleModel('healthy'), ['r', 'Y'], []],
    ['r then Enter cancels', sampleModel('healthy'), ['r', 'ENTER'], []],
    ['an unbound key does nothing', sampleModel('healthy'), ['x', 'z'], []],
    ['a, h, r do nothing once rolled back', sampleModel('rolled-back'), ['a', 'h', 'r', 'y'], []],
    ['a gate review records the approver', approval('healthy'), ['a', 'ceo-jane', 'ENTER'], [{ type: 'advance', approvedBy: 'ceo-jane' }]],
    ['an override records the reason', sampleModel('breaching'), ['a', 'hotfix verified', 'ENTER'], [{ type: 'advance', override: 'hotfix verified' }]],
    ['an override at a gate review asks the approver after the reason', approval('breaching'), ['a', 'known flake', 'ENTER', 'ceo-jane', 'ENTER'],
      [{ type: 'advance', override: 'known flake', approvedBy: 'ceo-jane' }]],
    ['an empty or blank reason does nothing', sampleModel('breaching'), ['a', 'ENTER', '   ', 'ENTER'], []],
    ['Esc cancels the override', sampleModel('breaching'), ['a', 'oops', 'ESC', 'ENTER'], []],
    ['backspace edits the reason', sampleModel('breaching'), ['a', 'hotfixx', 'BS', 'ENTER'], [{ type: 'advance', override: 'hotfix' }]],
    ['keys typed into a prompt are text, not commands', sampleModel('breaching'), ['a', 'q', 'r', 'ENTER'], [{ type: 'advance', override: 'qr' }]],
  ] as [string, ViewModel, string[], Command[]][])('%s', (_name, model, keys, expected) => {
    expect(press(model, keys).commands).toEqual(expected);
  });

  it('leaves a prompt open until it is answered', () => {
    expect(press(sampleModel('breaching'), ['a', 'ENTER']).ui.prompt).toEqual({ kind: 'override', text: '' });
    expect(press(sampleModel('healthy'), ['r']).ui.prompt).toEqual({ kind: 'confirm-rollback' });
    expect(press(sampleModel('healthy'), ['r', 'n']).ui.prompt).toBeNull();
  });

  it('drops a rollout prompt once the window is decided, so a late y does nothing', () => {
    const { ui } = press(sampleModel('healthy'), ['r']);
    expect(press(sampleModel('rolled-back'), ['y'], ui)).toEqual({ ui: INITIAL_UI, commands: [] });
  });

  it('strips control bytes from typed text', () => {
    expect(press(sampleModel('breaching'), ['a', 'ok\u0007 now', 'ENTER']).commands).toEqual([{ type: 'advance', override: 'ok now' }]);
  });

  it('toggles help with ?, closes it with Esc, and ignores rollout keys while it is open', () => {
    const m = sampleModel('healthy');
    expect(press(m, ['?']).ui.helpOpen).toBe(true);
    expect(press(m, ['?', '?']).ui.helpOpen).toBe(false);
    expect(press(m, ['?', 'ESC']).ui.helpOpen).toBe(false);
    expect(press(m, ['?', 'a', 'r', 'y', 'c']).commands).toEqual([]);
  });
});
