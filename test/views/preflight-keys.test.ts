/**
 * Keys of a planned release: f opens and closes the pre-flight view (Esc
 * too); s in it asks the item, then the signer; o while pre-flight is NO-GO
 * asks an override reason instead of y, and Enter opens with it.
 */
import { describe, expect, it } from 'vitest';
import type { Command } from '../../views/commands.js';
import { handleInput } from '../../views/handle-key.js';
import { activeKeys } from '../../views/keys.js';
import { INITIAL_UI, type UiState } from '../../views/ui-state.js';
import type { ViewModel } from '../../views/view-model.js';
import { keyOf } from './helpers.js';
import { sampleModel } from './sample-model.js';

function press(model: ViewModel, keys: string[], ui: UiState = INITIAL_UI) {
  const commands: Command[] = [];
  for (const k of keys) {
    const r = k === 'ENTER' ? handleInput(model, ui, '\r', keyOf({ return: true })) : k === 'ESC' ? handleInput(model, ui, '', keyOf({ escape: true })) : handleInput(model, ui, k, keyOf());
    ui = r.ui;
    commands.push(...r.commands);
  }
  return { ui, commands };
}

const RELEASE = { stage: 'READY', next: 'x', go: false, ic: 'Ana Ruiz', blockers: ['Security sign-off UNKNOWN: waiting'], early: null, region: null, items: [], checklist: [], monitor: [], roster: [] };
const planned = (ready = false) => sampleModel('healthy', (m) => {
  m.release = RELEASE;
  if (ready) {
    m.actions.ready = true;
    m.actions.preflightBlockers = ['Security sign-off UNKNOWN: waiting'];
    m.actions.bound = { phaseIndex: 0, status: 'ready', weight: 0 };
    m.header.windowStatus = 'ready';
  }
});

describe('pre-flight keys', () => {
  it('f opens the view and shows only f, s and q; f or Esc closes it', () => {
    const open = press(planned(), ['f']).ui;
    expect(open.preflightOpen).toBe(true);
    expect(activeKeys(planned(), open).map((k) => k.key)).toEqual(['f', 's', 'q']);
    expect(press(planned(), ['f', 'f']).ui.preflightOpen).toBe(false);
    expect(press(planned(), ['f', 'ESC']).ui.preflightOpen).toBe(false);
    // Without a planned release there is no f.
    expect(press(sampleModel('healthy'), ['f']).ui.preflightOpen).toBeFalsy();
  });

  it('s asks the item, then who signs, and gives one sign command', () => {
    const r = press(planned(), ['f', 's', 'security', 'ENTER', 'Ed Fox', 'ENTER']);
    expect(r.commands).toEqual([{ type: 'sign', item: 'security', by: 'Ed Fox' }]);
    expect(r.ui.prompt).toBeNull();
    expect(press(planned(), ['f', 's', 'security', 'ESC']).commands).toEqual([]);
  });

  it('o while pre-flight is NO-GO asks a reason and opens with it; y alone does not open', () => {
    expect(press(planned(true), ['o', 'y']).commands).toEqual([]);
    const r = press(planned(true), ['o', 'SEO signs at 18:10, CEO agreed', 'ENTER']);
    expect(r.commands).toMatchObject([{ type: 'open', override: 'SEO signs at 18:10, CEO agreed' }]);
  });
});
