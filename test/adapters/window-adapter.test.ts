/**
 * The rehearsal rule: a drill never moves real traffic unless the operator
 * passes --real-adapter, and the screen line says which happened. Proven with
 * the file adapter, whose effect (a file) is easy to look for.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Redactor } from '../../src/config/secrets.js';
import { setupWindow } from '../../src/run/setup-window.js';
import { windowAdapter } from '../../src/run/window-adapter.js';

let dir: string;
beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'canary-rule-')); });
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const src = () => ({ file: join(dir, 'window.yaml'), env: {}, redactor: new Redactor() });
const fileConfig = { adapter: { type: 'file' as const, path: 'weights.json' } };

describe('which adapter a window drives', () => {
  it('a rehearsal without --real-adapter stays on dry-run and says the configured adapter was left alone', async () => {
    const a = await windowAdapter(fileConfig, 'REHEARSAL', false, src());
    expect(a.describe()).toBe('dry-run (rehearsal; the configured file adapter is left alone without --real-adapter)');
    expect(await a.setWeight(5)).toMatchObject({ ok: true });
    expect(existsSync(join(dir, 'weights.json'))).toBe(false);
    expect((await windowAdapter(fileConfig, 'RETROSPECTIVE', false, src())).describe()).toMatch(/^dry-run/);
  });

  it('a rehearsal with --real-adapter drives it, and its screen line says REAL', async () => {
    const a = await windowAdapter(fileConfig, 'REHEARSAL', true, src());
    expect(a.describe()).toContain('REAL LOAD BALANCER driven by a rehearsal (--real-adapter)');
    expect(await a.setWeight(5)).toMatchObject({ ok: true });
    expect(JSON.parse(readFileSync(join(dir, 'weights.json'), 'utf8'))).toMatchObject({ canaryWeight: 5 });
    expect(await a.verify!(5)).toMatchObject({ ok: true, weight: 5 });
  });

  it('a live window drives the configured adapter without any flag', async () => {
    const a = await windowAdapter(fileConfig, 'LIVE', false, src());
    expect(a.describe()).toMatch(/^file /);
  });

  it('{phase} is the phase a weight belongs to, 0 for a rollback', async () => {
    const config = { adapter: { type: 'exec' as const, command: [process.execPath, '-e', "require('fs').appendFileSync('phases', process.argv[1] + ' ')", '--', '{phase}'], timeout: 5_000 } };
    const a = await windowAdapter(config, 'LIVE', false, src());
    for (const w of [5, 25, 50, 100, 0]) expect(await a.setWeight(w)).toMatchObject({ ok: true });
    expect(readFileSync(join(dir, 'phases'), 'utf8')).toBe('1 2 3 4 0 ');
  });

  it('setupWindow wires it: `rehearse --config` with a file adapter and --real-adapter writes next to the config', async () => {
    const config = join(dir, 'window.yaml');
    writeFileSync(config, 'adapter: { type: file, path: weights.json }\n');
    const base = { config, headless: true, auditDir: join(dir, 'audit') };
    const dry = await setupWindow(base, {}, Date.parse('2026-11-26T04:00:00Z'));
    expect(dry.adapter.describe()).toMatch(/^dry-run \(rehearsal/);
    const real = await setupWindow({ ...base, realAdapter: true }, {}, Date.parse('2026-11-26T04:00:00Z'));
    expect(await real.adapter.setWeight(25)).toMatchObject({ ok: true, detail: `wrote 25% to ${join(dir, 'weights.json')}` });
  });
});
