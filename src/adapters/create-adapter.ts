/**
 * Validated adapter config → a working Adapter. Secrets are resolved here,
 * once, and registered with the redactor before any adapter can print them;
 * relative paths are relative to the config file that named them. There is
 * no fallback: the schema admits only known types, and the exhaustive switch
 * makes a new type without a case a compile error, not a silent dry-run.
 */
import { dirname, resolve } from 'node:path';
import { resolveSecret, type Redactor } from '../config/secrets.js';
import type { Adapter } from './adapter.js';
import type { AdapterConfig } from './adapter-config.js';
import { DryRunAdapter } from './dry-run.js';
import { ExecAdapter } from './exec-adapter.js';
import { FileAdapter } from './file-adapter.js';
import { HaproxyAdapter } from './haproxy-adapter.js';
import { parseRuntimeAddress } from './haproxy-runtime.js';
import { loadPluginAdapter } from './plugin-adapter.js';
import { WebhookAdapter } from './webhook-adapter.js';

export interface AdapterContext {
  /** The file the adapter config came from: base for relative paths, and named in bad-input messages. */
  configFile: string;
  env: NodeJS.ProcessEnv;
  redactor: Redactor;
  /**
   * The phase number a weight belongs to, for exec's {phase} and the
   * webhook's `phase`; 0 for a weight outside the plan (a rollback).
   * A `() => number` reading the engine's state fits here too.
   */
  phase?: (weight: number) => number;
}

export async function createAdapter(config: AdapterConfig, ctx: AdapterContext): Promise<Adapter> {
  const base = dirname(resolve(ctx.configFile));
  const secret = (ref: Parameters<typeof resolveSecret>[0], path: string) =>
    resolveSecret(ref, { file: ctx.configFile, path }, ctx.env, ctx.redactor);
  const phase = ctx.phase ? { phase: ctx.phase } : {};
  switch (config.type) {
    case 'dry-run':
      return new DryRunAdapter(config.initialWeight ?? 0);
    case 'file':
      return new FileAdapter(resolve(base, config.path));
    case 'haproxy':
      return new HaproxyAdapter({
        socket: isSocketPath(config.socket) ? resolve(base, config.socket) : config.socket,
        backend: config.backend, canary: config.canary, stable: config.stable, scale: config.scale, timeoutMs: config.timeout,
      });
    case 'exec': {
      const extra = Object.fromEntries(Object.entries(config.secretEnv ?? {}).map(([name, ref]) => [name, secret(ref, `adapter.secretEnv.${name}`)]));
      return new ExecAdapter({
        command: config.command,
        ...(config.getCommand ? { getCommand: config.getCommand } : {}),
        timeoutMs: config.timeout,
        cwd: resolve(base, config.cwd ?? '.'),
        env: { ...ctx.env, ...extra },
        redactor: ctx.redactor,
        ...phase,
      });
    }
    case 'webhook': {
      const auth = config.auth
        ? { header: config.auth.header, value: joinScheme(config.auth.scheme, secret(config.auth.token, 'adapter.auth.token')) }
        : undefined;
      return new WebhookAdapter({
        url: config.url, ...(config.verifyUrl ? { verifyUrl: config.verifyUrl } : {}), ...(auth ? { auth } : {}),
        timeoutMs: config.timeout, redactor: ctx.redactor, ...phase,
      });
    }
    case 'plugin':
      return loadPluginAdapter(config.module, config.options ?? {}, { configFile: resolve(ctx.configFile), redactor: ctx.redactor });
    default: {
      const unknown: never = config;
      throw new Error(`no adapter for type ${(unknown as { type: string }).type}`);
    }
  }
}

const isSocketPath = (socket: string) => {
  const address = parseRuntimeAddress(socket);
  return address !== null && 'path' in address;
};

const joinScheme = (scheme: string | undefined, token: string) => (scheme ? `${scheme} ${token}` : token);
