/** Builds the engine for a window, resuming a saved one when setup found it. */
import { Engine } from '../engine/engine.js';
import type { WindowSetup } from './setup-window.js';

export function createEngine(setup: WindowSetup): Engine {
  const engine = new Engine(setup);
  if (setup.resume) engine.resumeFrom(setup.resume);
  return engine;
}
