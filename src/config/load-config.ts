/**
 * Reads a YAML or JSON config and validates it whole before anything uses it,
 * so a bad file changes nothing and says exactly where it is wrong.
 */
import { InputError, fromZod } from './input-error.js';
import { parseYamlLinear } from './parse-yaml.js';
import { readInputFile } from './read-input.js';
import { configSchema, type UserConfig } from './schema.js';
import { checkSource } from './source-rules.js';
import { clip, echo } from './zod-words.js';

export async function loadConfig(file: string): Promise<UserConfig> {
  return parseConfig(file, await readInputFile(file, 'config'));
}

export function parseConfig(file: string, text: string, pathPrefix = ''): UserConfig {
  let raw: unknown;
  const json = file.endsWith('.json');
  try {
    raw = json ? JSON.parse(text) : parseYamlLinear(file, text);
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(file, '', `valid ${json ? 'JSON' : 'YAML'} (${clip((e as Error).message.split('\n')[0]!, 160)})`);
  }
  // An empty file is more likely a failed copy than a wish for every default (it replayed the bundled drill).
  if (raw === null || raw === undefined) {
    throw new InputError(file, '', 'a config mapping such as "checkInterval: 30s"', 'expected a config mapping such as "checkInterval: 30s" (the file is empty); write {} for every default');
  }
  return validateConfig(file, raw, pathPrefix);
}

/** Schema plus the cross-field rules a schema cannot say. */
export function validateConfig(file: string, raw: unknown, pathPrefix = ''): UserConfig {
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) {
    const err = fromZod(file, parsed.error, raw);
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
    if (seen.has(j.name)) throw new InputError(file, join(pathPrefix, `journeys[${i}].name`), `a unique journey name, ${echo(j.name)} appears twice`);
    seen.add(j.name);
  });
  checkSource(file, config, (path) => join(pathPrefix, path));
  return config;
}

const join = (prefix: string, path: string): string => (prefix ? (path ? `${prefix}.${path}` : prefix) : path);
