/**
 * README's lifecycle config (window.start, roster, preflight, regions) is a
 * valid config as written, and builds a pre-flight gate with every role of
 * the roster, the health endpoints and the region candidates it shows.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { missingRoles } from '../../rules/roles.js';
import { validateConfig } from '../../src/config/load-config.js';

const README = readFileSync(join(import.meta.dirname, '../../README.md'), 'utf8');

describe("README's lifecycle config", () => {
  it('validates, with every role named and the probes it documents', () => {
    const block = /```yaml\n(window: \{ start:[\s\S]*?)```/.exec(README)?.[1];
    expect(block).toBeDefined();
    const config = validateConfig('README.md', parse(block!), 'config');
    expect(config.window?.start).toBe('2026-12-02T18:00:00Z');
    expect(missingRoles(config.roster ?? {})).toEqual([]);
    expect(config.preflight).toMatchObject({ monitorEvery: 60_000, monitorTimeout: 5000 });
    expect(config.preflight!.healthEndpoints!.map((e) => e.name)).toEqual(['web', 'api']);
    expect(config.regions).toMatchObject({ minSpare: 0.3, tieWithin: 0.05 });
    expect(config.regions!.candidates.map((c) => c.coast)).toEqual(['west', 'west', 'east']);
  });
});
