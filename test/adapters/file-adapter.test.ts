/** The file adapter on a real file system: atomic replace, read-back, and the failures a GitOps file can have. */
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAdapter } from '../../src/adapters/create-adapter.js';
import { FileAdapter } from '../../src/adapters/file-adapter.js';
import { Redactor } from '../../src/config/secrets.js';

let dir: string;
let path: string;
const AT = new Date('2026-11-26T04:00:00.000Z');

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'canary-file-'));
  path = join(dir, 'weights.json');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('file adapter', () => {
  it('writes {canaryWeight, stableWeight, updatedAt} and reads it back', async () => {
    const a = new FileAdapter(path, () => AT);
    expect(await a.setWeight(5)).toEqual({ ok: true, weight: 5, detail: `wrote 5% to ${path}` });
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({ canaryWeight: 5, stableWeight: 95, updatedAt: '2026-11-26T04:00:00.000Z' });
    expect(await a.verify(5)).toEqual({ ok: true, weight: 5, detail: `read back 5% from ${path}` });
    expect(await a.getWeight()).toMatchObject({ ok: true, weight: 5 });
  });

  it('replaces the file by rename (a new inode), leaving no temp file behind', async () => {
    const a = new FileAdapter(path);
    await a.setWeight(5);
    const before = statSync(path).ino;
    await a.setWeight(25);
    expect(statSync(path).ino).not.toBe(before);
    expect(readdirSync(dir)).toEqual(['weights.json']);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toMatchObject({ canaryWeight: 25, stableWeight: 75 });
  });

  it('a missing file is a failed read that says so, not a throw', async () => {
    expect(await new FileAdapter(path).getWeight()).toEqual({ ok: false, weight: null, detail: `no weight file yet: ${path}` });
  });

  it('a file someone else changed reads back as a mismatch with both values', async () => {
    const a = new FileAdapter(path);
    await a.setWeight(5);
    writeFileSync(path, JSON.stringify({ canaryWeight: 50, stableWeight: 50 }));
    expect(await a.verify(5)).toEqual({ ok: false, weight: 50, detail: `read back 50% from ${path}, expected 5%` });
  });

  it.each(['not json', '{}', '{"canaryWeight": "5"}', '{"canaryWeight": 150}'])('a file holding %s is no weight', async (text) => {
    writeFileSync(path, text);
    expect(await new FileAdapter(path).getWeight()).toMatchObject({ ok: false, weight: null, detail: `${path} holds no valid {"canaryWeight": 0-100}` });
  });

  it('a directory that does not exist fails the set and leaves nothing behind', async () => {
    const set = await new FileAdapter(join(dir, 'nope', 'weights.json')).setWeight(5);
    expect(set).toMatchObject({ ok: false, weight: null });
    expect(set.detail).toContain('(ENOENT)');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses a weight outside 0-100 without touching the file', async () => {
    expect(await new FileAdapter(path).setWeight(150)).toMatchObject({ ok: false });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a relative path in the config is relative to the config file', async () => {
    const a = await createAdapter({ type: 'file', path: 'weights.json' }, { configFile: join(dir, 'window.yaml'), env: {}, redactor: new Redactor() });
    expect(await a.setWeight(0)).toMatchObject({ ok: true });
    expect(JSON.parse(readFileSync(path, 'utf8'))).toMatchObject({ canaryWeight: 0, stableWeight: 100 });
  });
});
