/** Plugins: the README's example loads and works; a module that does not fit is bad input naming adapter.module. */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdapter } from '../../src/adapters/create-adapter.js';
import { InputError } from '../../src/config/input-error.js';
import { Redactor } from '../../src/config/secrets.js';

const examples = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'examples');
let dir: string;

beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'canary-plugin-')); });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const plugin = (module: string, configFile = join(dir, 'window.yaml'), options: Record<string, unknown> = {}, redactor = new Redactor()) =>
  createAdapter({ type: 'plugin', module, options }, { configFile, env: {}, redactor });

/** Writes a module into the temp dir and returns its relative specifier. */
function moduleFile(name: string, source: string): string {
  writeFileSync(join(dir, name), source);
  return `./${name}`;
}

async function inputError(p: Promise<unknown>): Promise<InputError> {
  const e = await p.then(() => null, (err: unknown) => err);
  expect(e).toBeInstanceOf(InputError);
  return e as InputError;
}

describe('plugin adapter', () => {
  it('loads examples/plugin-adapter.mjs relative to the config file, and it sets, verifies and reads back', async () => {
    const logFile = join(dir, 'lb.log');
    const a = await plugin('./plugin-adapter.mjs', join(examples, 'window.yaml'), { logFile });
    expect(a.describe()).toBe(`example plugin (logs to ${logFile})`);
    expect(await a.getWeight()).toMatchObject({ ok: false, weight: null });
    expect(await a.setWeight(5)).toEqual({ ok: true, weight: 5, detail: `logged 5% to ${logFile}` });
    expect(await a.verify!(5)).toEqual({ ok: true, weight: 5, detail: 'read back 5%' });
    expect(await a.verify!(25)).toEqual({ ok: false, weight: 5, detail: 'read back 5%, expected 25%' });
    expect(readFileSync(logFile, 'utf8').trim().split('\n').map((l) => JSON.parse(l).weight)).toEqual([5]);
  });

  it('resolves an npm package name from the config file\'s directory', async () => {
    const pkg = join(dir, 'node_modules', 'fake-lb');
    mkdirSync(pkg, { recursive: true });
    writeFileSync(join(pkg, 'package.json'), JSON.stringify({ name: 'fake-lb', type: 'module', exports: './index.mjs' }));
    writeFileSync(join(pkg, 'index.mjs'), readFileSync(join(examples, 'plugin-adapter.mjs')));
    const a = await plugin('fake-lb', join(dir, 'window.yaml'), { logFile: join(dir, 'npm.log') });
    expect(await a.setWeight(25)).toMatchObject({ ok: true, weight: 25 });
  });

  it('a module without createAdapter is bad input naming adapter.module and what it exports', async () => {
    const e = await inputError(plugin(moduleFile('no-factory.mjs', 'export const setWeight = () => {};\n')));
    expect(e.path).toBe('adapter.module');
    expect(e.expected).toBe('a module exporting createAdapter(options) that returns an adapter; "./no-factory.mjs" exports setWeight');
  });

  it('a createAdapter whose result lacks methods is bad input listing them', async () => {
    const e = await inputError(plugin(moduleFile('half.mjs', 'export const createAdapter = () => ({ describe: () => "half" });\n')));
    expect(e.path).toBe('adapter.module');
    expect(e.expected).toContain('it lacks getWeight, setWeight');
  });

  it('a module that cannot be found is bad input naming adapter.module', async () => {
    const e = await inputError(plugin('./does-not-exist.mjs'));
    expect(e.path).toBe('adapter.module');
    expect(e.expected).toMatch(/^a module that can be imported, but "\.\/does-not-exist\.mjs" failed/);
  });

  it('at run time a throwing or malformed plugin gives ok:false answers, scrubbed, never a throw', async () => {
    const redactor = new Redactor();
    redactor.add('plugin-secret-42');
    const a = await plugin(moduleFile('flaky.mjs', [
      'export const createAdapter = () => ({',
      '  describe: () => "flaky",',
      '  getWeight: async () => ({ ok: "yes" }),',
      '  setWeight: async () => { throw new Error("LB said no to token plugin-secret-42"); },',
      '  verify: async () => ({ unsupported: true, detail: "cannot read" }),',
      '});',
    ].join('\n')), join(dir, 'window.yaml'), {}, redactor);
    expect(await a.setWeight(5)).toEqual({ ok: false, weight: null, detail: 'plugin setWeight threw: LB said no to token [redacted]' });
    expect(await a.getWeight()).toEqual({ ok: false, weight: null, detail: 'plugin getWeight gave a malformed answer (expected {ok, weight, detail})' });
    expect(await a.verify!(5)).toEqual({ unsupported: true, detail: 'cannot read' });
  });
});
