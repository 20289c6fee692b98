/**
 * Who the audit says acted. --operator and the config refuse a blank name
 * (see cli-usage and schema); a blank $USER, as some containers have, must
 * not be audited as an empty name either.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { windowParts } from '../../src/run/window-parts.js';

/** The audit log makes its folder when built: a temporary one. */
const operatorOf = (operator: string | undefined, config: { operator?: string }, env: NodeJS.ProcessEnv) =>
  windowParts(config, { operator, auditDir: mkdtempSync(join(tmpdir(), 'canary-parts-')) }, 'REHEARSAL', 0, env).meta.operator;

describe('the operator a window audits', () => {
  it.each<[string, string | undefined, { operator?: string }, NodeJS.ProcessEnv, string]>([
    ['the flag first', 'alice', { operator: 'bob' }, { USER: 'carol' }, 'alice'],
    ['then the config', undefined, { operator: 'bob' }, { USER: 'carol' }, 'bob'],
    ['then $USER', undefined, {}, { USER: 'carol' }, 'carol'],
    ['a blank $USER falls through to the OS account', undefined, {}, { USER: '  ' }, userInfo().username],
  ])('%s', (_name, flag, config, env, expected) => {
    expect(operatorOf(flag, config, env)).toBe(expected);
  });
});
