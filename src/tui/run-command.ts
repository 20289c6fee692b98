/** Named commands from the keyboard → engine actions; returns what to flash on screen. */
import type { Command } from '../../views/commands.js';
import type { ViewModel } from '../../views/view-model.js';
import type { Engine } from '../engine/engine.js';
import type { CopyMethod } from '../report/copy-report.js';

export interface CommandDeps {
  copy(text: string): Promise<CopyMethod>;
  quit(): void;
}

export async function runCommand(engine: Engine, command: Command, deps: CommandDeps): Promise<ViewModel['flash']> {
  const operator = engine.deps.meta.operator;
  const said = (r: { ok: boolean; detail: string }, what: string): ViewModel['flash'] =>
    r.ok ? { text: `${what}: ${r.detail}`, tone: 'info' } : { text: `${what} not done: ${r.detail}`, tone: 'error' };
  switch (command.type) {
    case 'advance':
      return said(await engine.actions.advance(operator, { override: command.override, approvedBy: command.approvedBy }), 'advance');
    case 'hold':
      return said(await engine.actions.hold(operator), 'hold');
    case 'resume':
      return said(await engine.actions.resume(operator), 'resume');
    case 'rollback':
      return said(await engine.actions.rollback(operator, command.reason), 'rollback');
    case 'copy': {
      const method = await deps.copy(engine.report());
      return { text: method === 'clipboard' ? 'report copied to the clipboard' : 'report copied through the terminal (OSC 52)', tone: 'info' };
    }
    case 'quit':
      deps.quit();
      return null;
  }
}
