/**
 * Issue 9's bad-input corpus, in process: every malformed config goes through
 * `check` and through window setup, every malformed fixture through `check`
 * (named by a config's source.path) and through `rehearse`. Each must be
 * bad input (InputError, exit 2 at the CLI) with one line naming the file,
 * the path and what was expected; `check` prints nothing; nothing is written.
 * corpus-bin.test.ts runs a representative dozen through the built bin.
 */
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/config/input-error.js';
import { runCheck } from '../../src/run/check-command.js';
import { setupWindow, type RunOptions } from '../../src/run/setup-window.js';
import { lineProblems, writeCase, type Case } from './cases.js';
import { CONFIG_CASES } from './config-cases.js';
import { FIXTURE_CASES } from './fixture-cases.js';

const root = mkdtempSync(join(tmpdir(), 'canary-corpus-'));

/** The InputError a run threw, or a description of what it did instead. */
async function badInput(run: () => Promise<unknown>): Promise<InputError> {
  const outcome = await run().then((ok) => ({ ok }), (e: unknown) => ({ e }));
  if ('ok' in outcome) {
    // A window that opened holds the driver lock until released; check returns a number, which has no release.
    (outcome.ok as { release?: () => void } | null)?.release?.();
    throw new Error('accepted: expected bad input');
  }
  if (!(outcome.e instanceof InputError)) throw new Error(`not bad input: ${String(outcome.e)}`);
  return outcome.e;
}

async function checkPrintsNothing(config: string, c: Case): Promise<void> {
  let out = '';
  const e = await badInput(() => runCheck(config, (l) => (out += l), {}));
  expect(lineProblems(e.message, config, c)).toEqual([]);
  expect(out).toBe('');
}

async function windowWritesNothing(opts: RunOptions, file: string, c: Case): Promise<void> {
  const auditDir = join(root, `${c.name}-audit`);
  const e = await badInput(() => setupWindow({ ...opts, headless: true, auditDir }, {}, Date.now()));
  expect(lineProblems(e.message, file, c)).toEqual([]);
  expect(existsSync(auditDir)).toBe(false);
}

describe('the corpus is big enough', () => {
  it('holds at least 40 configs and 12 fixtures, each with its own name', () => {
    expect(CONFIG_CASES.length).toBeGreaterThanOrEqual(40);
    expect(FIXTURE_CASES.length).toBeGreaterThanOrEqual(12);
    expect(new Set(CONFIG_CASES.map((c) => c.name)).size).toBe(CONFIG_CASES.length);
    expect(new Set(FIXTURE_CASES.map((c) => c.name)).size).toBe(FIXTURE_CASES.length);
  });
});

describe('malformed configs', { timeout: 20_000 }, () => {
  it.each(CONFIG_CASES.map((c) => [c.name, c] as const))('%s: check and the window refuse it in one line', async (_name, c) => {
    const file = writeCase(join(root, 'config'), c);
    await checkPrintsNothing(file, c);
    await windowWritesNothing({ config: file }, file, c);
  });
});

describe('malformed fixtures', { timeout: 20_000 }, () => {
  it.each(FIXTURE_CASES.map((c) => [c.name, c] as const))('%s: check (via source.path) and rehearse refuse it in one line', async (_name, c) => {
    const file = writeCase(join(root, 'fixture'), c);
    const config = join(root, 'fixture', c.name, 'check.yaml');
    writeFileSync(config, `source: { type: fixture, path: ${c.file} }\n`);
    // check names the line to edit (source.path) and quotes the fixture's own message.
    await checkPrintsNothing(config, { ...c, path: 'source.path', says: [...(c.says ?? []), `${file}: ${c.path}: `] });
    await windowWritesNothing({ fixture: file, rehearse: true }, file, c);
  });
});
