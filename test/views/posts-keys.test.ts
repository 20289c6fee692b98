/**
 * The posts view's keys: t opens at the post the stage needs next and then
 * steps round the four; c, w and p act on the post shown (p asks first,
 * naming the post and the channel); Esc closes and c is the report's again;
 * rollout keys do nothing while the view is open.
 */
import { describe, expect, it } from 'vitest';
import type { Command } from '../../views/commands.js';
import { handleInput } from '../../views/handle-key.js';
import { activeKeys } from '../../views/keys.js';
import { INITIAL_UI, type UiState } from '../../views/ui-state.js';
import type { ViewModel } from '../../views/view-model.js';
import { keyOf } from './helpers.js';
import { sampleModel } from './sample-model.js';

const withPosts = sampleModel('healthy', (m) => {
  m.posts = { texts: { ack: 'ACK', 't-2h': 'T2H', 't-1h': 'T1H', 't-0': 'T0' }, suggested: 't-1h' };
  m.actions.postsTo = '#ship-room';
});

function press(model: ViewModel, keys: string[], ui: UiState = INITIAL_UI): { ui: UiState; commands: Command[] } {
  const commands: Command[] = [];
  for (const k of keys) {
    const r = k === 'ESC' ? handleInput(model, ui, '', keyOf({ escape: true })) : handleInput(model, ui, k, keyOf());
    ui = r.ui;
    commands.push(...r.commands);
  }
  return { ui, commands };
}

describe('the posts view keys', () => {
  it('t opens at the suggested post, then steps round all four', () => {
    expect(press(withPosts, ['t']).ui.posts).toBe('t-1h');
    expect(press(withPosts, ['t', 't']).ui.posts).toBe('t-0');
    expect(press(withPosts, ['t', 't', 't']).ui.posts).toBe('ack');
    expect(press(withPosts, ['t', 't', 't', 't', 't']).ui.posts).toBe('t-1h');
  });

  it('c, w and p act on the post shown; p asks first with the post and the channel', () => {
    expect(press(withPosts, ['t', 'c', 'w']).commands).toEqual([{ type: 'copy', post: 't-1h' }, { type: 'write', post: 't-1h' }]);
    const asked = press(withPosts, ['t', 't', 'p']);
    expect(asked.ui.prompt).toMatchObject({ kind: 'confirm-post', channel: '#ship-room', post: 't-0' });
    expect(press(withPosts, ['y'], asked.ui).commands).toEqual([{ type: 'post', post: 't-0' }]);
  });

  it('Esc closes the view and c copies the report again; rollout keys are off while it is open', () => {
    const closed = press(withPosts, ['t', 'ESC', 'c']);
    expect(closed.ui.posts).toBeUndefined();
    expect(closed.commands).toEqual([{ type: 'copy' }]);
    expect(press(withPosts, ['t', 'h', 'r', 'a']).commands).toEqual([]);
    expect(press(withPosts, ['t', 'r']).ui.prompt).toBeNull();
    // Help open over the posts view: c copies nothing hidden behind it.
    expect(press(withPosts, ['t', '?', 'c', 'w']).commands).toEqual([]);
  });

  it('the footer says what c acts on; without posts there is no t', () => {
    const open = press(withPosts, ['t']).ui;
    expect(activeKeys(withPosts, open).map((k) => `${k.key} ${k.label}`)).toEqual(expect.arrayContaining(['c copy post', 't next post', 'p post to #ship-room']));
    expect(activeKeys(withPosts, INITIAL_UI).map((k) => `${k.key} ${k.label}`)).toEqual(expect.arrayContaining(['c copy report', 't posts']));
    expect(activeKeys(sampleModel('healthy'), INITIAL_UI).some((k) => k.key === 't')).toBe(false);
    expect(press(sampleModel('healthy'), ['t']).ui.posts).toBeUndefined();
  });
});
