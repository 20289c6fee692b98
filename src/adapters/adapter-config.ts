/**
 * What a config may say under `adapter:`. One strict schema per adapter type,
 * joined by `type`, so a typo'd key or an unknown type is bad input at load
 * time and the factory never has to guess (or fall back to dry-run).
 */
import { z } from 'zod';
import { secretRefSchema } from '../config/secrets.js';
import { durationMs } from '../config/units.js';
import { httpUrl } from '../config/http-url.js';
import { HAPROXY_NAME, parseRuntimeAddress } from './haproxy-runtime.js';
import { MAX_SERVER_WEIGHT } from './haproxy-plan.js';

const haproxyName = z.string().regex(HAPROXY_NAME, 'expected an HAProxy name (letters, digits, "-", "_", ".", ":")');
const argv = z.array(z.string()).min(1, 'expected a command as an argv array, e.g. ["kubectl", "argo", "rollouts", "set", "weight", "{weight}"]')
  .refine((a) => a.length === 0 || a[0]!.length > 0, 'expected a program name as the first element');

export const dryRunAdapterSchema = z.strictObject({
  type: z.literal('dry-run'),
  initialWeight: z.number().min(0).max(100).optional(),
});

export const fileAdapterSchema = z.strictObject({
  type: z.literal('file'),
  /** Relative paths are relative to the config file. */
  path: z.string().min(1),
});

export const haproxyAdapterSchema = z
  .strictObject({
    type: z.literal('haproxy'),
    socket: z.string().refine((s) => parseRuntimeAddress(s) !== null, 'expected a unix socket path or host:port'),
    backend: haproxyName,
    canary: z.array(haproxyName).min(1),
    stable: z.array(haproxyName).min(1),
    scale: z.number().int().min(1).max(MAX_SERVER_WEIGHT).default(100),
    timeout: durationMs.default(5_000),
  })
  .refine((c) => !c.canary.some((s) => c.stable.includes(s)), { message: 'expected no server in both canary and stable', path: ['stable'] });

export const execAdapterSchema = z.strictObject({
  type: z.literal('exec'),
  /** argv, never a shell line; {weight}, {stableWeight} and {phase} are substituted inside elements. */
  command: argv,
  /** Prints the current canary weight (a number 0-100) on stdout; without it read-back is unsupported. */
  getCommand: argv.optional(),
  timeout: durationMs.default(30_000),
  /** Relative to the config file; default: the config file's directory. */
  cwd: z.string().min(1).optional(),
  /** Extra environment for the command, each value a secret from the environment or a file. */
  secretEnv: z.record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'expected an environment variable name'), secretRefSchema).optional(),
});

export const webhookAdapterSchema = z.strictObject({
  type: z.literal('webhook'),
  url: httpUrl(),
  /** GET answering {"canaryWeight": N}; without it read-back is unsupported. */
  verifyUrl: httpUrl().optional(),
  auth: z
    .strictObject({ header: z.string().min(1).default('authorization'), scheme: z.string().min(1).optional(), token: secretRefSchema })
    .optional(),
  timeout: durationMs.default(10_000),
});

export const pluginAdapterSchema = z.strictObject({
  type: z.literal('plugin'),
  /** An npm package name, or a path ("./lb.mjs") relative to the config file. */
  module: z.string().min(1),
  options: z.record(z.string(), z.unknown()).optional(),
});

export const adapterConfigSchema = z.discriminatedUnion('type', [
  dryRunAdapterSchema, fileAdapterSchema, haproxyAdapterSchema, execAdapterSchema, webhookAdapterSchema, pluginAdapterSchema,
]);

export type AdapterConfig = z.infer<typeof adapterConfigSchema>;
export type FileAdapterConfig = z.infer<typeof fileAdapterSchema>;
export type HaproxyAdapterConfig = z.infer<typeof haproxyAdapterSchema>;
export type ExecAdapterConfig = z.infer<typeof execAdapterSchema>;
export type WebhookAdapterConfig = z.infer<typeof webhookAdapterSchema>;
export type PluginAdapterConfig = z.infer<typeof pluginAdapterSchema>;
