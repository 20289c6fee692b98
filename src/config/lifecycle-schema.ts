/**
 * The config of the release around the window (issue: T-2h to 24 h after GA):
 * the planned T-0, the DRI roster, what pre-flight probes, and the candidate
 * regions. All optional: a config without `window.start` has no countdown and
 * no pre-flight gate, as before.
 */
import { z } from 'zod';
import { ROLES } from '../../rules/roles.js';
import { httpUrl } from './http-url.js';
import { durationMs, share } from './units.js';
import { echo } from './zod-words.js';

const argv = z.array(z.string().min(1)).min(1, 'expected a command as an argv array, e.g. ["lbctl", "lock", "status"]');
const utc = z.iso.datetime({ error: (issue) => `expected a UTC time such as 2026-12-02T18:00:00Z, got ${echo(issue.input)}` });
const named = z.strictObject({ name: z.string().trim().min(1), url: httpUrl() });
/** A Slack mention pings; a bare @name does not (lint.ts warns). */
const person = z.strictObject({ name: z.string().trim().min(1), contact: z.string().trim().min(1) });

export const windowSchema = z.strictObject({ start: utc });

export const rosterSchema = z.strictObject(Object.fromEntries(ROLES.map((r) => [r, person.optional()])) as Record<(typeof ROLES)[number], z.ZodOptional<typeof person>>);

export const preflightSchema = z.strictObject({
  healthEndpoints: z.array(named).min(1).optional(),
  monitorEvery: durationMs.default(60_000),
  monitorTimeout: durationMs.default(5000),
  dashboards: z.array(named).min(1).optional(),
  /** PromQL for the caps the payment system enforces now, compared with the directive's (paymentCaps). */
  paymentCaps: z.strictObject({ maxTransactions: z.string().min(1), maxPerTxUsd: z.string().min(1), globalUsd: z.string().min(1) }).optional(),
  /**
   * The prod LB/CDN lock through programs of the team's (argv, never a shell
   * line): `status` prints `locked` or `unlocked`, `remove` lifts it. With it
   * the lock is read back, not signed, and its removal after GA is confirmed
   * by a read.
   */
  infraLock: z.strictObject({ status: argv, remove: argv, timeout: durationMs.default(10_000) }).optional(),
});

export const regionsSchema = z.strictObject({
  /** PromQL per region ({{region}} is replaced): mean RPS over 7 days, and the share of capacity free. */
  rpsQuery: z.string().min(1),
  spareQuery: z.string().min(1),
  /** Hourly RPS of the whole service over 7 days, for the trough ({{region}} of the chosen one). */
  troughQuery: z.string().min(1).optional(),
  minSpare: share.default(0.3),
  tieWithin: share.default(0.05),
  candidates: z.array(z.strictObject({ name: z.string().trim().min(1), coast: z.string().optional() })).min(1),
});
