/**
 * Builds the engine for a window: resumes a saved one when setup found it,
 * and hands it the report builder and the opening rule, so the engine knows
 * neither the report's format nor the command line.
 */
import { Engine } from '../engine/engine.js';
import type { EngineView } from '../engine/engine-view.js';
import { buildReport } from '../report/slack-report.js';
import { attachMemoryLog } from './memory-log.js';
import type { WindowSetup } from './setup-window.js';

export function reportOf(setup: WindowSetup, view: EngineView): string {
  return buildReport({ meta: setup.meta, policy: setup.policy, state: view.state, decisions: view.decisions, snapshot: view.snapshot, now: view.now });
}

export function createEngine(setup: WindowSetup): Engine {
  const engine = new Engine({ ...setup, open: setup.open, reporter: (view) => reportOf(setup, view) });
  if (setup.resume) engine.resumeFrom(setup.resume);
  attachMemoryLog(engine, process.env, setup.clock.now());
  return engine;
}
