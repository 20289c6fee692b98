/**
 * Builds the engine for a window: resumes a saved one when setup found it,
 * and hands it the report builder and the opening rule, so the engine knows
 * neither the report's format nor the command line.
 */
import { Engine } from '../engine/engine.js';
import type { EngineView } from '../engine/engine-view.js';
import { buildReport } from '../report/slack-report.js';
import { attachMemoryLog } from './memory-log.js';
import { attachSnapshotLog } from '../aftermath/snapshot-log.js';
import { snapshotsPath } from '../aftermath/window-folder.js';
import { attachEndOfWindow } from '../aftermath/close-window.js';
import { attachAnnotations } from '../comms/annotate-window.js';
import type { WindowSetup } from './setup-window.js';

export function reportOf(setup: WindowSetup, view: EngineView): string {
  const monitor = view.preflight?.items.find((i) => i.item.id === 'synthetic-monitor');
  // Through the window the monitor keeps running; a failure is in every report (and on screen as an anomaly).
  const shown = monitor && view.preflight!.monitor.length ? { ok: monitor.status === 'GREEN', detail: monitor.detail } : null;
  return buildReport({ meta: setup.meta, policy: setup.policy, state: view.state, decisions: view.decisions, snapshot: view.snapshot, now: view.now, monitor: shown, actions: view.actions });
}

export function createEngine(setup: WindowSetup): Engine {
  const engine = new Engine({ ...setup, open: setup.open, reporter: (view) => reportOf(setup, view) });
  if (setup.resume) engine.resumeFrom(setup.resume);
  attachMemoryLog(engine, process.env, setup.clock.now());
  // A watcher's checks are the driver's to record; two writers would interleave one file.
  if (!setup.readOnly) attachSnapshotLog(engine, snapshotsPath(setup));
  attachEndOfWindow(engine, setup);
  if (setup.grafana && !setup.readOnly) attachAnnotations(engine, setup.grafana, setup.audit, setup.meta.release.tag);
  return engine;
}
