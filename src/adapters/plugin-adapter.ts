/**
 * A company's own load balancer without a fork: the config names an npm
 * package or a file that exports `createAdapter(options)` returning an
 * Adapter. A plugin that cannot be loaded or does not fit is bad input
 * naming `adapter.module`, found before the window opens. At run time the
 * plugin is fenced: a throw or a malformed answer becomes an ok:false answer
 * (scrubbed), so a buggy plugin cannot pass off a failed rollback as done.
 */
import { createRequire } from 'node:module';
import { isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { InputError } from '../config/input-error.js';
import type { Redactor } from '../config/secrets.js';
import type { Adapter, VerifyAnswer, WeightAnswer } from './adapter.js';

export interface PluginContext {
  /** The config file that names the plugin: relative paths and npm names resolve from its directory. */
  configFile: string;
  redactor: Redactor;
}

const REQUIRED = ['describe', 'getWeight', 'setWeight'] as const;

export async function loadPluginAdapter(specifier: string, options: Record<string, unknown>, ctx: PluginContext): Promise<Adapter> {
  const bad = (expected: string) => new InputError(ctx.configFile, 'adapter.module', expected);
  let mod: Record<string, unknown>;
  try {
    mod = (await import(moduleUrl(specifier, ctx.configFile))) as Record<string, unknown>;
  } catch (e) {
    throw bad(`a module that can be imported, but "${specifier}" failed: ${ctx.redactor.scrub(String((e as Error)?.message ?? e)).split('\n')[0]}`);
  }
  if (typeof mod.createAdapter !== 'function') {
    const names = Object.keys(mod).join(', ') || 'nothing';
    throw bad(`a module exporting createAdapter(options) that returns an adapter; "${specifier}" exports ${names}`);
  }
  let made: unknown;
  try {
    made = await (mod.createAdapter as (o: Record<string, unknown>) => unknown)(options);
  } catch (e) {
    throw bad(`createAdapter(options) of "${specifier}" to succeed, but it threw: ${ctx.redactor.scrub((e as Error).message ?? String(e))}`);
  }
  const missing = REQUIRED.filter((k) => typeof (made as Record<string, unknown> | null)?.[k] !== 'function');
  const verify = (made as Record<string, unknown> | null)?.verify;
  if (missing.length || (verify !== undefined && typeof verify !== 'function')) {
    const lacks = [...missing, ...(verify !== undefined && typeof verify !== 'function' ? ['verify (optional, but then a function)'] : [])];
    throw bad(`createAdapter(options) of "${specifier}" to return an object with describe(), getWeight(), setWeight() and optionally verify(); it lacks ${lacks.join(', ')}`);
  }
  return fenced(made as Adapter, ctx.redactor);
}

/** Paths are files relative to the config; anything else is a package, looked up from the config's directory first. */
function moduleUrl(specifier: string, configFile: string): string {
  if (specifier.startsWith('.') || isAbsolute(specifier)) return pathToFileURL(resolve(configFile, '..', specifier)).href;
  if (specifier.startsWith('file:')) return specifier;
  try {
    return pathToFileURL(createRequire(resolve(configFile)).resolve(specifier)).href;
  } catch {
    return specifier; // e.g. an ESM-only package whose exports have no "require": let import() resolve it
  }
}

function fenced(plugin: Adapter, redactor: Redactor): Adapter {
  const guard = async <T extends WeightAnswer | VerifyAnswer>(what: string, call: () => Promise<T>): Promise<T | WeightAnswer> => {
    try {
      const answer = await call();
      if (isAnswer(answer, what === 'verify')) return { ...answer, detail: redactor.scrub(answer.detail) };
      return { ok: false, weight: null, detail: `plugin ${what} gave a malformed answer (expected {ok, weight, detail})` };
    } catch (e) {
      return { ok: false, weight: null, detail: redactor.scrub(`plugin ${what} threw: ${e instanceof Error ? e.message : String(e)}`) };
    }
  };
  const adapter: Adapter = {
    describe: () => {
      try { return redactor.scrub(String(plugin.describe())); } catch { return 'plugin (describe() threw)'; }
    },
    getWeight: () => guard('getWeight', () => plugin.getWeight()) as Promise<WeightAnswer>,
    setWeight: (w) => guard('setWeight', () => plugin.setWeight(w)) as Promise<WeightAnswer>,
  };
  if (plugin.verify) adapter.verify = (w) => guard('verify', () => plugin.verify!(w));
  return adapter;
}

/** Only verify may answer "unsupported"; getWeight and setWeight must say ok or not. */
function isAnswer(a: unknown, unsupportedAllowed: boolean): a is WeightAnswer | VerifyAnswer {
  if (typeof a !== 'object' || a === null || typeof (a as { detail?: unknown }).detail !== 'string') return false;
  const r = a as Record<string, unknown>;
  if (r.unsupported === true) return unsupportedAllowed;
  return typeof r.ok === 'boolean' && (r.weight === null || (typeof r.weight === 'number' && Number.isFinite(r.weight)));
}
