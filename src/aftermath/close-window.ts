/**
 * What a decided window leaves behind, written when it ends: on rollback
 * the rollback report; on promotion (after the stable time at 100%) the win
 * note and the 7-day cohort review; in both, the config it ran with (secrets
 * removed) and the audit archive. Each file passes the secret scrubber and
 * the PII mask. A failure here never changes the window's outcome: it is
 * said, and `canary-tui archive` can pack the folder again later.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Engine } from '../engine/engine.js';
import type { Outcome } from '../exit-codes.js';
import type { WindowSetup } from '../run/setup-window.js';
import { archiveWindow } from './archive.js';
import { flushSnapshots, snapshotNotes } from './snapshot-log.js';
import { cohortReview } from './cohort-review.js';
import { rollbackReport } from './rollback-report.js';
import { cleanText, writeConfigCopy, type Cleaner } from './sanitize.js';
import { readAudit } from './timeline.js';
import { winNote } from './win-note.js';
import { auditPath, configCopyPath, reportsDir } from './window-folder.js';
import type { WindowEnd } from './window-end.js';

export interface WindowLeftovers {
  files: string[];
  archive: string | null;
  /** Why something could not be written; null when all was. */
  problem: string | null;
}

export const END_FILES = { rollback: 'ROLLBACK_REPORT.md', win: 'WIN_NOTE.md', cohort: 'ENHANCED_GATE_REPORT.md' } as const;

export function cleanerOf(setup: Pick<WindowSetup, 'redactor' | 'meta'>): Cleaner {
  return { redactor: setup.redactor, keep: [setup.meta.release.commit] };
}


/** The end-of-window files each window wrote at its decision (engine → their paths). */
const written = new WeakMap<Engine, WindowLeftovers>();

/**
 * Writes the decision's files the moment the window is decided (the phase
 * change to rolled-back or promoted), not when the process ends: after GA a
 * release window stays up through its 24-hour freeze, and the win note is due
 * at GA. A resumed window that was already decided wrote them before.
 */
export function attachEndOfWindow(engine: Engine, setup: WindowSetup): void {
  if (setup.readOnly) return;
  engine.on((e) => {
    if (e.type !== 'phase' || (e.windowStatus !== 'promoted' && e.windowStatus !== 'rolled-back') || written.has(engine)) return;
    written.set(engine, writeEndFiles(setup, engine, e.windowStatus));
  });
}

function writeEndFiles(setup: WindowSetup, engine: Engine, decided: 'promoted' | 'rolled-back'): WindowLeftovers {
  const c = cleanerOf(setup);
  const files: string[] = [];
  try {
    const view = engine.view();
    const end: WindowEnd = {
      meta: setup.meta, policy: setup.policy, state: view.state, decisions: view.decisions, snapshot: view.snapshot,
      now: view.now, audit: readAudit(auditPath(setup)), windowId: setup.windowId, ...(setup.config?.roster ? { roster: setup.config.roster } : {}),
    };
    const docs: Array<[string, string]> = decided === 'rolled-back'
      ? [[END_FILES.rollback, rollbackReport(end)]]
      : [[END_FILES.win, winNote(end)], [END_FILES.cohort, cohortReview(end)]];
    const dir = reportsDir(setup);
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    for (const [name, text] of docs) {
      writeFileSync(join(dir, name), cleanText(text, c), { mode: 0o600 });
      files.push(join(dir, name));
    }
    return { files, archive: null, problem: null };
  } catch (e) {
    return { files, archive: null, problem: `the end-of-window files could not all be written (${why(e)})` };
  }
}

const why = (e: unknown) => (e as NodeJS.ErrnoException).code ?? (e as Error).message;

/** At the end of any window: the buffered snapshots; of a decided one, also its config copy and the archive of the whole folder. */
export function closeWindow(setup: WindowSetup, engine: Engine, outcome: Outcome, realNow: number): WindowLeftovers | null {
  // Every way out writes the snapshots still buffered, decided or not.
  flushSnapshots(engine);
  if (setup.readOnly || (outcome !== 'promoted' && outcome !== 'rolled-back')) return null;
  const docs = written.get(engine) ?? writeEndFiles(setup, engine, outcome);
  try {
    if (setup.config) writeConfigCopy(configCopyPath(setup), setup.config, cleanerOf(setup));
    return { ...docs, archive: archiveWindow(setup, cleanerOf(setup), realNow, snapshotNotes(engine)).path };
  } catch (e) {
    return { ...docs, problem: [docs.problem, `the archive could not be written (${why(e)}); canary-tui archive packs the folder later`].filter(Boolean).join('; ') };
  }
}
