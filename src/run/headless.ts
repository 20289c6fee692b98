/**
 * The same engine with no screen: one JSON object per line on stdout for
 * every check, phase change, trigger change, action, report and error.
 */
import { createEngine } from './create-engine.js';
import type { EngineEvent } from '../engine/events.js';
import type { Outcome } from '../exit-codes.js';
import type { WindowSetup } from './setup-window.js';

export interface HeadlessIo {
  write(line: string): void;
}

export async function runHeadless(setup: WindowSetup, io: HeadlessIo, signal: AbortSignal): Promise<Outcome> {
  const engine = createEngine(setup);
  const scrub = (text: string) => (setup.redactor ? setup.redactor.scrub(text) : text);
  const print = (e: EngineEvent | Record<string, unknown>) => io.write(`${scrub(JSON.stringify(e))}\n`);
  engine.on(print);
  if (setup.readOnly) print({ type: 'read-only', at: engine.iso(), message: setup.readOnly });
  if (setup.open === 'ic') print({ type: 'ready', at: engine.iso(), message: 'live window READY: nothing moves; headless opens only with --open' });
  const opened = await engine.start();
  if (!opened.ok) {
    print({ type: 'error', at: engine.iso(), message: `could not open the window: ${opened.detail}` });
    return 'stopped';
  }
  return engine.run(signal);
}
