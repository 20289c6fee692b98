/**
 * The same engine with no screen: one JSON object per line on stdout for
 * every check, phase change, trigger change, action, report and error.
 */
import { createEngine } from './create-engine.js';
import { scoreDrill } from '../engine/drill-score.js';
import { saveScore } from './score-file.js';
import { closeWindow } from '../aftermath/close-window.js';
import { annotationsSettled } from '../comms/annotate-window.js';
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
  const events: EngineEvent[] = [];
  if (setup.meta.mode !== 'LIVE') engine.on((e) => events.push(e));
  const opened = await engine.start();
  if (!opened.ok) {
    print({ type: 'error', at: engine.iso(), message: `could not open the window: ${opened.detail}` });
    return 'stopped';
  }
  const outcome = await engine.run(signal);
  // A drill ends with its score, the last line (drill-score.ts), saved beside the audit too (and so in the archive).
  const score = setup.meta.mode !== 'LIVE' && !setup.readOnly ? scoreDrill(events, outcome, setup.drillExpect) : null;
  if (score) saveScore(setup, score);
  await annotationsSettled(engine);
  const left = closeWindow(setup, engine, outcome, Date.now());
  if (left) print({ type: 'archive', at: engine.iso(), files: left.files, archive: left.archive, ...(left.problem ? { problem: left.problem } : {}) });
  if (score) print({ ...score });
  return outcome;
}
