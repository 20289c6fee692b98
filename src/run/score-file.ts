/**
 * Saves a drill's score beside its audit (JSON for tools, text for people),
 * owner-only like the audit. Live windows are not drills and get none.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { scoreText, type DrillScore } from '../engine/drill-score.js';
import type { WindowSetup } from './setup-window.js';

export function saveScore(setup: Pick<WindowSetup, 'auditDir' | 'windowId'>, score: DrillScore): { json: string; text: string } {
  mkdirSync(setup.auditDir, { recursive: true, mode: 0o700 });
  const json = join(setup.auditDir, `${setup.windowId}-score.json`);
  const text = join(setup.auditDir, `${setup.windowId}-score.txt`);
  writeFileSync(json, `${JSON.stringify(score, null, 2)}\n`, { mode: 0o600 });
  writeFileSync(text, `${scoreText(score)}\n`, { mode: 0o600 });
  return { json, text };
}
