import { describe, expect, it } from 'vitest';
import { activeKeys, KEY_ROWS } from '../../views/keys.js';
import { STATUS_STYLE } from '../../views/status-style.js';
import { INITIAL_UI } from '../../views/ui-state.js';
import { sampleModel } from './sample-model.js';

const shown = (keys: { key: string; label: string }[]) => keys.map((k) => `${k.key} ${k.label}`);

describe('hotkeys as data', () => {
  it('a healthy running window offers every key, advance by its name', () => {
    expect(shown(activeKeys(sampleModel('healthy'), INITIAL_UI))).toEqual([
      'a advance', 'h hold', 'r rollback', 'c copy report', '? help', 'q quit',
    ]);
  });

  it('a blocked window offers an override instead of advance', () => {
    expect(shown(activeKeys(sampleModel('breaching'), INITIAL_UI))).toContain('a override…');
  });

  it('a held window offers resume instead of hold', () => {
    const keys = shown(activeKeys(sampleModel('healthy', (m) => (m.actions.held = true)), INITIAL_UI));
    expect(keys).toContain('h resume');
    expect(keys).not.toContain('h hold');
  });

  it('a rolled-back window has no rollout keys left', () => {
    expect(activeKeys(sampleModel('rolled-back'), INITIAL_UI).map((k) => k.key)).toEqual(['c', '?', 'q']);
  });

  it('only open and rollback are dangerous', () => {
    expect(KEY_ROWS.filter((r) => r.dangerous).map((r) => r.command)).toEqual(['rollout.open', 'rollout.rollback']);
  });

  it('an open prompt takes every key; the help overlay leaves only ? and q', () => {
    const m = sampleModel('healthy');
    expect(activeKeys(m, { helpOpen: false, prompt: { kind: 'confirm-rollback', bound: m.actions.bound } })).toEqual([]);
    expect(activeKeys(m, { helpOpen: true, prompt: null }).map((k) => k.key)).toEqual(['?', 'q']);
  });

  it('each row names a distinct key and command', () => {
    expect(new Set(KEY_ROWS.map((r) => r.key)).size).toBe(KEY_ROWS.length);
    expect(new Set(KEY_ROWS.map((r) => r.command)).size).toBe(KEY_ROWS.length);
  });
});

describe('status style', () => {
  it('gives each status its own symbol, so the screen reads without colour', () => {
    expect(Object.fromEntries(Object.entries(STATUS_STYLE).map(([s, v]) => [s, [v.symbol, v.color]]))).toEqual({
      GREEN: ['✔', 'green'], YELLOW: ['▲', 'yellow'], RED: ['✖', 'red'], UNKNOWN: ['?', 'gray'],
    });
  });
});

describe('a read-only viewer', () => {
  it('has no rollout keys: another instance drives the window', () => {
    const m = sampleModel();
    m.actions.readOnly = 'read-only viewer: alice drives this window';
    const keys = activeKeys(m, INITIAL_UI).map((k) => k.key);
    expect(keys).toEqual(['c', '?', 'q']);
  });
});
