import { cleanup, render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../views/App.js';
import type { Command } from '../../views/commands.js';
import type { ViewModel } from '../../views/view-model.js';
import { plain, settle, settleUntil } from './helpers.js';
import { sampleModel } from './sample-model.js';

afterEach(() => cleanup());

const ESC = '\u001b';
const ENTER = '\r';

/** Renders the App, recording every command it emits. */
function mount(model: ViewModel) {
  const commands: Command[] = [];
  // Commands are compared without the window they are bound to; handle-key.test.ts checks the binding.
  const record = (c: Command) => { const { bound: _b, ...rest } = c as Command & { bound?: unknown }; commands.push(rest as Command); };
  const r = render(<App model={model} onCommand={record} />);
  const press = async (...keys: string[]) => {
    for (const k of keys) {
      r.stdin.write(k);
      await settle();
    }
  };
  return { commands, press, frame: () => plain(r.lastFrame()), rerender: (m: ViewModel) => r.rerender(<App model={m} onCommand={record} />) };
}

/** The footer is the last line of the frame. */
const footer = (frame: string) => frame.trimEnd().split('\n').at(-1) ?? '';

describe('App footer', () => {
  it('shows the rollout keys while the window runs', () => {
    const f = footer(mount(sampleModel('healthy')).frame());
    expect(f).toMatch(/a\s+advance/);
    expect(f).toMatch(/h\s+hold/);
    expect(f).toMatch(/r\s+rollback \(!\)/);
  });

  it('shows resume when the window is held', () => {
    expect(footer(mount(sampleModel('healthy', (m) => (m.actions.held = true))).frame())).toMatch(/h\s+resume/);
  });

  it('has no a, h or r key once rolled back, and those keys do nothing', async () => {
    const app = mount(sampleModel('rolled-back'));
    const f = footer(app.frame());
    expect(f).not.toMatch(/\ba\s|\bh\s|\br\s|advance|override|hold|resume|rollback/);
    expect(f).toMatch(/c\s+copy report\s+\?\s+help\s+q\s+quit/);
    await app.press('a', 'h', 'r', 'y');
    expect(app.commands).toEqual([]);
    expect(app.frame()).not.toContain('ROLL BACK canary');
  });
});

describe('App keys', () => {
  it('r asks for confirmation and y rolls back', async () => {
    const app = mount(sampleModel('healthy'));
    await app.press('r');
    expect(app.frame()).toContain('ROLL BACK canary 25% → 0%? press y to confirm, any other key cancels');
    expect(app.commands).toEqual([]);
    await app.press('y');
    expect(app.commands).toEqual([{ type: 'rollback', reason: 'IC rollback from the war room' }]);
    expect(app.frame()).not.toContain('ROLL BACK canary');
  });

  it('r and y typed faster than a redraw still roll back', async () => {
    const commands: Command[] = [];
    const { stdin } = render(<App model={sampleModel('healthy')} onCommand={(c) => commands.push(c)} />);
    stdin.write('r');
    stdin.write('y');
    await settle();
    expect(commands).toEqual([{ type: 'rollback', reason: 'IC rollback from the war room' }]);
  });

  it('r then n cancels and sends nothing', async () => {
    const app = mount(sampleModel('healthy'));
    await app.press('r', 'n');
    expect(app.commands).toEqual([]);
    expect(app.frame()).not.toContain('ROLL BACK canary');
    expect(footer(app.frame())).toMatch(/r\s+rollback/);
  });

  it('a on a blocked window shows the first three blockers and submits a typed override', async () => {
    const app = mount(sampleModel('breaching'));
    await app.press('a');
    const f = app.frame();
    expect(f).toContain('Advance is blocked (4), first 3 shown:');
    expect(f).toContain('- minimum time not served (40m of 1h30m)');
    expect(f).toContain('- YELLOW: Cache hit 88.1%');
    expect(f).not.toContain('B2B funnel Δ: UNKNOWN, no data');
    expect(f).toContain('Override, advance 5% → 25%: reason? (Enter to confirm, Esc to cancel)');
    await app.press('hotfix verified');
    expect(app.frame()).toContain('> hotfix verified');
    await app.press(ENTER);
    expect(app.commands).toEqual([{ type: 'advance', override: 'hotfix verified' }]);
    expect(app.frame()).not.toContain('Override, advance');
  });

  it('an empty override reason does nothing, and Esc cancels the prompt', async () => {
    const app = mount(sampleModel('breaching'));
    await app.press('a', ENTER);
    expect(app.commands).toEqual([]);
    expect(app.frame()).toContain('Override, advance');
    await app.press('half a reason', ESC);
    // A lone Esc is told from an escape sequence one event-loop turn later; a loaded machine may need more.
    await settleUntil('the prompt to close', () => !app.frame().includes('Override, advance'));
    expect(app.frame()).not.toContain('Override, advance');
    expect(app.commands).toEqual([]);
  });

  it('keys typed into a prompt are text: q does not quit', async () => {
    const app = mount(sampleModel('breaching'));
    await app.press('a', 'q');
    expect(app.commands).toEqual([]);
    expect(app.frame()).toContain('> q');
    expect(footer(app.frame())).toBe('keys go to the prompt above');
  });

  it('a on a clear window advances at once', async () => {
    const app = mount(sampleModel('healthy'));
    await app.press('a');
    expect(app.commands).toEqual([{ type: 'advance' }]);
  });

  it('a at a gate review asks who approved and records it', async () => {
    const app = mount(sampleModel('healthy', (m) => (m.actions.needsApproval = true)));
    await app.press('a');
    expect(app.commands).toEqual([]);
    expect(app.frame()).toContain('Gate review (CEO joins), advance 25% → 50%: approved by?');
    await app.press('ceo-jane', ENTER);
    expect(app.commands).toEqual([{ type: 'advance', approvedBy: 'ceo-jane' }]);
  });

  it('h holds a running window and resumes a held one', async () => {
    const running = mount(sampleModel('healthy'));
    await running.press('h');
    const held = mount(sampleModel('healthy', (m) => (m.actions.held = true)));
    await held.press('h');
    expect([...running.commands, ...held.commands]).toEqual([{ type: 'hold' }, { type: 'resume' }]);
  });

  it('? opens the help over the panels, and ? or Esc closes it', async () => {
    const app = mount(sampleModel('healthy'));
    expect(app.frame()).not.toContain('Keys (Esc or ? closes this help)');
    await app.press('?');
    expect(app.frame()).toContain('Keys (Esc or ? closes this help)');
    expect(app.frame()).toContain('(!) dangerous');
    expect(app.frame()).not.toContain('Rollback triggers');
    await app.press('?');
    expect(app.frame()).not.toContain('Keys (Esc or ? closes');
    await app.press('?', ESC);
    expect(app.frame()).not.toContain('Keys (Esc or ? closes');
    expect(app.frame()).toContain('Rollback triggers');
  });

  it('c asks for a copy and q to quit', async () => {
    const app = mount(sampleModel('healthy'));
    await app.press('c', 'q');
    expect(app.commands).toEqual([{ type: 'copy' }, { type: 'quit' }]);
  });

  it('closes an open rollback confirmation when the window is rolled back meanwhile', async () => {
    const app = mount(sampleModel('healthy'));
    await app.press('r');
    app.rerender(sampleModel('rolled-back'));
    await settle();
    expect(app.frame()).not.toContain('ROLL BACK canary');
    await app.press('y');
    // The y does nothing; the IC is told (and the audit records) that the prompt closed under them.
    expect(app.commands).toEqual([{ type: 'prompt-cancelled', why: 'prompt closed: the window moved from running at 25% to rolled-back at 0% while it was open; nothing was done' }]);
  });

  // Issue 8, observation 4: the IC pressed a at 5%, the drill auto-advanced to 25%, and Enter advanced 25% → 50%.
  it('an override prompt opened at 5% closes when the window auto-advances, and Enter then advances nothing', async () => {
    const app = mount(sampleModel('breaching'));
    await app.press('a', 'because');
    expect(app.frame()).toContain('Override, advance 5% → 25%');
    app.rerender(sampleModel('breaching', (m) => (m.actions.bound = { phaseIndex: 1, status: 'running', weight: 25 })));
    await settle();
    await app.press(ENTER);
    expect(app.frame()).not.toContain('Override, advance');
    expect(app.commands).toEqual([{ type: 'prompt-cancelled', why: 'prompt closed: the window moved from running at 5% to running at 25% while it was open; nothing was done' }]);
  });
});

describe('App notices', () => {
  it('shows the standing notices and the latest flash', () => {
    const m = sampleModel('breaching', (x) => (x.flash = { text: 'report copied to the clipboard', tone: 'info' }));
    const f = mount(m).frame();
    expect(f).toContain('! P95 gate 130 ms is looser than the 120 ms trigger: between them a critical journey');
    expect(f).toContain('» report copied to the clipboard');
  });

  it('marks an error flash with ✖', () => {
    const f = mount(sampleModel('healthy', (x) => (x.flash = { text: 'rollback not done: LB unreachable', tone: 'error' }))).frame();
    expect(f).toContain('✖ rollback not done: LB unreachable');
  });
});
