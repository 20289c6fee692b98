/**
 * Issue 9: `check` said "valid" before it had checked everything (a missing
 * secret came after), and never opened a fixture named by `source.path`, so
 * the run failed later naming the fixture instead of the line to edit.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/config/input-error.js';
import { runCheck } from '../../src/run/check-command.js';
import { setupWindow } from '../../src/run/setup-window.js';
import { bundledDrillPath } from '../../src/run/bundled-drill.js';

const dir = mkdtempSync(join(tmpdir(), 'canary-check-fixture-'));

function write(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

/** Runs check and returns what it printed and what it threw. */
async function check(file: string): Promise<{ out: string; error: unknown }> {
  let out = '';
  const error = await runCheck(file, (l) => (out += l), {}).then(() => null, (e: unknown) => e);
  return { out, error };
}

describe('check prints nothing as valid until everything is checked', () => {
  it('a missing secret leaves stdout empty', async () => {
    const file = write('secret.yaml', 'source: { type: prometheus, url: "http://127.0.0.1:9", bearerToken: { env: CHECK_FIXTURE_NO_TOKEN }, queries: {} }\n');
    const { out, error } = await check(file);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toBe(`${file}: source.bearerToken: expected environment variable CHECK_FIXTURE_NO_TOKEN to be set (it holds the secret)`);
    expect(out).toBe('');
  });
});

describe('check loads the fixture named by source.path', () => {
  const drill = readFileSync(bundledDrillPath(), 'utf8');

  it('a missing fixture names the config file and source.path', async () => {
    const file = write('missing.yaml', 'source: { type: fixture, path: ./nowhere.json }\n');
    const { out, error } = await check(file);
    expect((error as Error).message).toBe(
      `${file}: source.path: expected a valid drill fixture at ./nowhere.json (${join(dir, 'nowhere.json')}: (top level): expected a readable fixture file (ENOENT))`,
    );
    expect(out).toBe('');
  });

  it('a bad fixture names source.path and, inside, the fixture’s own path', async () => {
    write('inf.json', drill.replace('"stepSeconds": 60', '"stepSeconds": 1e999'));
    const file = write('inf.yaml', 'source: { type: fixture, path: inf.json }\n');
    const { error } = await check(file);
    expect((error as Error).message).toMatch(new RegExp(`^${file}: source\\.path: expected a valid drill fixture at inf\\.json \\(.*inf\\.json: stepSeconds: expected number, received Infinity\\)$`));
  });

  it('the window names the config file and source.path too', async () => {
    write('late.json', '{"version": 1}');
    const file = write('late.yaml', 'source: { type: fixture, path: late.json }\n');
    const auditDir = join(dir, 'audit');
    const error = await setupWindow({ config: file, headless: true, auditDir }, {}, Date.now()).then(() => null, (e: unknown) => e);
    expect((error as Error).message).toMatch(new RegExp(`^${file}: source\\.path: expected a valid drill fixture at late\\.json \\(.*late\\.json: name: expected a string, but the key is missing`));
  });

  it('a good fixture is checked, named and its own config layered under the user’s', async () => {
    write('good.json', drill);
    const file = write('good.yaml', 'source: { type: fixture, path: good.json }\n');
    const { out, error } = await check(file);
    expect(error).toBeNull();
    expect(out).toContain(`${file}: valid. Phases: 5% for 1h30m`);
    expect(out).toContain('Checks every 1m.');
    expect(out).toContain(`${file}: source: fixture checkout-p95-regression-at-50 (`);
  });
});
