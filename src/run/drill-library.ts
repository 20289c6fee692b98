/**
 * The drills shipped in fixtures/ (written by scripts/generate-drills.ts and
 * scripts/generate-drill.mjs): `canary-tui drills` lists them with what each
 * one teaches and the decision the directive requires, and `canary-tui
 * rehearse NAME` finds one by name.
 */
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { formatDuration } from '../../rules/format.js';
import { loadFixture } from '../fixture/load-fixture.js';
import type { Fixture } from '../fixture/schema.js';
import { bundledDrillPath } from './bundled-drill.js';

export interface DrillEntry {
  name: string;
  path: string;
  description: string;
  expect: Fixture['expect'];
  minutes: number;
}

export const drillsDir = (): string => dirname(bundledDrillPath());

export async function listDrills(dir = drillsDir()): Promise<DrillEntry[]> {
  const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  return Promise.all(files.map(async (f) => {
    const path = join(dir, f);
    const fx = await loadFixture(path);
    return { name: f.slice(0, -'.json'.length), path, description: firstSentence(fx.description), expect: fx.expect, minutes: (Date.parse(fx.end) - Date.parse(fx.start)) / 60_000 };
  }));
}

/** One line for the list: a longer story (the bundled drill's) keeps its first sentence. */
export function firstSentence(text: string): string {
  const end = text.search(/\.\s/);
  return end < 0 ? text : text.slice(0, end + 1);
}

/** A bare name ("drill-errors-5m") is a shipped drill; anything else is a path as given. */
export function resolveDrill(arg: string, dir = drillsDir()): string {
  if (/[\\/]/.test(arg) || arg.endsWith('.json')) return arg;
  const shipped = join(dir, `${arg}.json`);
  return existsSync(shipped) ? shipped : arg;
}

/** "rolls back at minute 30 (p95:checkout, at 5%)", "no decision within the hour (stays at 5%)". */
export function expectedText(e: Fixture['expect'], minutes: number): string {
  if (!e) return 'no expected decision recorded';
  const at = e.phaseWeight === undefined ? '' : `at ${e.phaseWeight}%`;
  switch (e.outcome) {
    case 'rolled-back': return `rolls back${e.atMinute === undefined ? '' : ` at minute ${e.atMinute}`} (${[e.trigger, at].filter(Boolean).join(', ')})`;
    case 'promoted': return `promoted${e.atMinute === undefined ? '' : ` at minute ${e.atMinute}`}`;
    case 'ended': return `no rollback within ${formatDuration(minutes * 60_000)}${at ? ` (stays ${at})` : ''}`;
    case 'stopped': return 'stopped by the IC';
  }
}
