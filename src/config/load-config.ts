/**
 * Reads a YAML or JSON config and validates it whole before anything uses it,
 * so a bad file changes nothing and says exactly where it is wrong.
 */
import { parse as parseYaml } from 'yaml';
import { InputError, fromZod, readInputFile } from './input-error.js';
import { configSchema, type UserConfig } from './schema.js';

export async function loadConfig(file: string): Promise<UserConfig> {
  return parseConfig(file, await readInputFile(file, 'config'));
}

export function parseConfig(file: string, text: string, pathPrefix = ''): UserConfig {
  let raw: unknown;
  try {
    raw = file.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
  } catch (e) {
    const kind = file.endsWith('.json') ? 'JSON' : 'YAML';
    throw new InputError(file, '', `valid ${kind} (${(e as Error).message.split('\n')[0]})`);
  }
  return validateConfig(file, raw ?? {}, pathPrefix);
}

/** Schema plus the cross-field rules a schema cannot say. */
export function validateConfig(file: string, raw: unknown, pathPrefix = ''): UserConfig {
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) {
    const err = fromZod(file, parsed.error);
    throw InputError.said(file, join(pathPrefix, err.path), err.expected);
  }
  const config = parsed.data;
  config.phases?.forEach((p, i) => {
    const prev = config.phases![i - 1];
    if (prev && p.weight <= prev.weight) {
      throw new InputError(file, join(pathPrefix, `phases[${i}].weight`), `a weight above the previous phase's ${prev.weight}, got ${p.weight}`);
    }
  });
  const seen = new Set<string>();
  config.journeys?.forEach((j, i) => {
    if (seen.has(j.name)) throw new InputError(file, join(pathPrefix, `journeys[${i}].name`), `a unique journey name, "${j.name}" appears twice`);
    seen.add(j.name);
  });
  return config;
}

const join = (prefix: string, path: string): string => (prefix ? (path ? `${prefix}.${path}` : prefix) : path);
