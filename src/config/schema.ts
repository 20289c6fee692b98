/**
 * The config file, as users write it. Every field is optional: what is left
 * out comes from the directive's defaults (rules/policy.ts).
 */
import { slackSchema } from '../comms/slack-post.js';
import { grafanaSchema } from '../comms/grafana-annotations.js';
import { z } from 'zod';
import { durationMs, share, windowMs } from './units.js';
import { httpUrl } from './http-url.js';
import { secretRefSchema } from './secrets.js';
import { prometheusSourceSchema } from '../sources/prometheus/prometheus-config.js';
import { adapterConfigSchema } from '../adapters/adapter-config.js';
import { preflightSchema, regionsSchema, rosterSchema, windowSchema } from './lifecycle-schema.js';

/** A bare threshold, or one with the team's own warning band (`warn`): the directive names none. */
const limit = <T extends z.ZodType<number>>(value: T) =>
  z.union([value, z.strictObject({ threshold: value, warn: value.optional() })]);

const triggerWindow = { for: windowMs.optional(), consecutiveChecks: z.number().int().positive().optional() };
const shareTrigger = z.strictObject({ threshold: share.optional(), ...triggerWindow });
const numberTrigger = z.strictObject({ threshold: z.number().optional(), ...triggerWindow });

/** v20261131.1 has the right shape and no such day. */
function realDate(tag: string): boolean {
  const [y, m, d] = [tag.slice(1, 5), tag.slice(5, 7), tag.slice(7, 9)].map(Number);
  const t = new Date(Date.UTC(y!, m! - 1, d!));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m! - 1 && t.getUTCDate() === d;
}

export const configSchema = z.strictObject({
  release: z
    .strictObject({
      tag: z.string().regex(/^v\d{8}\.\d+$/, 'expected a tag like v20261126.1').refine(realDate, 'expected vYYYYMMDD.X with a real calendar date, like v20261126.1').optional(),
      commit: z.string().regex(/^[0-9a-f]{7,40}$/, 'expected a commit SHA (7-40 hex digits)').optional(),
      service: z.string().optional(),
      region: z.string().optional(),
      channel: z.string().optional(),
      ceoHandle: z.string().optional(),
      /** The T-0 post's change record. */
      links: z.strictObject({ directive: httpUrl().optional(), handoff: httpUrl().optional() }).optional(),
    })
    .optional(),
  /** Audit lines name the operator: blank would record an action by nobody. */
  operator: z.string().refine((s) => s.trim() !== '', 'expected a name, not blank').optional(),
  checkInterval: durationMs.optional(),
  staleAfter: durationMs.optional(),
  reportEvery: durationMs.optional(),
  autoAdvance: z.boolean().optional(),
  noDataHoldAfter: durationMs.optional(),
  /** The non-critical change freeze after GA (24h). */
  changeFreeze: durationMs.optional(),
  costReconcileTolerance: share.optional(),
  minCanaryRequests: z.number().int().nonnegative().optional(),
  ceoMarginDeviation: share.optional(),
  paymentCaps: z
    .strictObject({ maxTransactions: z.number().int().positive(), maxPerTxUsd: z.number().positive(), globalUsd: z.number().positive() })
    .partial()
    .optional(),
  onTrigger: z.enum(['auto', 'prompt']).optional(),
  journeys: z.array(z.strictObject({ name: z.string().min(1), critical: z.boolean().default(true) })).min(1).optional(),
  phases: z
    .array(
      z.strictObject({
        weight: z.number().min(0).max(100),
        minDuration: durationMs,
        p95GateMs: z.number().positive(),
        requiresApproval: z.boolean().default(false),
      }),
    )
    .min(1)
    .optional(),
  gates: z
    .strictObject({
      errorRateMax: limit(share),
      paymentsSuccessMin: limit(share),
      cacheHitMin: limit(share),
      dbSaturationMax: limit(share),
      costPerUserDeltaMax: limit(share),
      markupMin: limit(z.number().positive()),
      funnelDropMax: z.strictObject({ b2c: limit(share).optional(), b2b: limit(share).optional() }),
      /** A passing value inside a `warn` band turns YELLOW and blocks; without it the band is a "near limit" hint. */
      warnBandsBlock: z.boolean(),
    })
    .partial()
    .optional(),
  triggers: z
    .strictObject({
      latencyP95: z.strictObject({ thresholdMs: z.number().positive().optional(), ...triggerWindow }),
      errorRate: shareTrigger,
      errorBudgetBurn: shareTrigger,
      paymentsSuccess: shareTrigger,
      refundVoidRatio: numberTrigger.extend({ controlFloor: share.optional() }),
      cacheHit: shareTrigger,
      dbSaturation: shareTrigger,
      costPerUserDelta: shareTrigger,
      markup: numberTrigger,
    })
    .partial()
    .optional(),
  source: z
    .discriminatedUnion('type', [z.strictObject({ type: z.literal('fixture'), path: z.string().min(1) }), prometheusSourceSchema])
    .optional(),
  billing: z
    .strictObject({ url: httpUrl(), token: secretRefSchema.optional(), timeout: durationMs.default(5000) })
    .optional(),
  adapter: adapterConfigSchema.optional(),
  audit: z.strictObject({ dir: z.string().min(1) }).optional(),
  rehearsal: z.strictObject({ speed: z.number().positive() }).optional(),
  window: windowSchema.optional(),
  roster: rosterSchema.optional(),
  preflight: preflightSchema.optional(),
  slack: slackSchema.optional(),
  grafana: grafanaSchema.optional(),
  regions: regionsSchema.optional(),
});

export type UserConfig = z.infer<typeof configSchema>;
