/**
 * Issue 9: every bad-input message says what was expected, in our words, not
 * zod's ("Unrecognized key", "Invalid URL"); it stays one short line however
 * big the file; and a file too big to be a config is refused before parsing.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/config/input-error.js';
import { loadConfig } from '../../src/config/load-config.js';
import { badInput } from './bad-input.js';

const dir = mkdtempSync(join(tmpdir(), 'canary-messages-'));
const failure = (p: Promise<unknown>) => p.then(() => { throw new Error('expected an InputError'); }, (e: unknown) => e as InputError);


describe('messages say what was expected', () => {
  it.each([
    ['an unknown key', 'autoAdvanse: true', 'window.yaml: (top level): expected only known keys, got unknown key "autoAdvanse"'],
    ['an unknown nested key', 'gates: { cachHitMin: 85% }', 'window.yaml: gates: expected only known keys, got unknown key "cachHitMin"'],
    ['an unknown adapter type', 'adapter: { type: nginx }', 'window.yaml: adapter.type: expected one of "dry-run", "file", "haproxy", "exec", "webhook", "plugin", got "nginx"'],
    ['a wrong type', 'autoAdvance: sometimes', 'window.yaml: autoAdvance: expected boolean, received string'],
    ['a number too small', 'paymentCaps: { maxTransactions: 0 }', 'window.yaml: paymentCaps.maxTransactions: expected number to be >0'],
    ['an unknown enum value', 'onTrigger: maybe', 'window.yaml: onTrigger: expected one of "auto"|"prompt"'],
    ['a key written twice', 'checkInterval: 30s\ncheckInterval: 1m', 'window.yaml: checkInterval: expected each key once, "checkInterval" appears twice'],
    ['a list instead of a mapping', '- checkInterval: 30s', 'window.yaml: (top level): expected object, received array'],
  ])('%s', (_name, text, message) => {
    expect(badInput(text).message).toBe(message);
  });

  it('lists at most three unknown keys of many, each clipped', () => {
    const keys = Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`${'k'.repeat(100)}${i}`, i]));
    const e = badInput(JSON.stringify(keys), 'w.json');
    expect(e.message.length).toBeLessThan(300);
    expect(e.message).toMatch(/^w\.json: \(top level\): expected only known keys, got unknown key "k{40}…" \(and 4999 more: "k{40}…", "k{40}…", …\)$/);
  });

  it('keeps a syntax error on one line', () => {
    const e = badInput('{"checkInterval":\n\n }', 'w.json');
    expect(e.message).not.toContain('\n');
    expect(e.message).toMatch(/^w\.json: \(top level\): expected valid JSON \(.+\)$/);
  });
});

describe('size', () => {
  it('refuses a config over 1 MB before parsing, naming the limit', async () => {
    const file = join(dir, 'huge.yaml');
    writeFileSync(file, `a: "${'x'.repeat(10 * 1024 * 1024)}"\n`);
    const started = Date.now();
    const e = await failure(loadConfig(file));
    expect(e.message).toBe(`${file}: (top level): expected a config file of at most 1 MB (the documented limit), got 10.0 MB`);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('parses a YAML config just under 1 MB in linear time (was 36 s: yaml checks unique keys pairwise)', async () => {
    const file = join(dir, 'big.yaml');
    const lines = Array.from({ length: 60_000 }, (_, i) => `k${String(i).padStart(8, '0')}: 12345`);
    writeFileSync(file, lines.join('\n'));
    const started = Date.now();
    const e = await failure(loadConfig(file));
    expect(e.message).toMatch(/: \(top level\): expected only known keys, got unknown key "k00000000" \(and 59999 more/);
    expect(Date.now() - started).toBeLessThan(5000);
  }, 60_000);

  it('a missing file says what was expected', async () => {
    const file = join(dir, 'nope.yaml');
    expect((await failure(loadConfig(file))).message).toBe(`${file}: (top level): expected a readable config file (ENOENT)`);
  });
});
