/**
 * The lines of a window's own recording (`--record FILE`), one JSON object
 * a line, appended as the window runs so a crash loses at most the line
 * being written. The first line says what was recorded and with which
 * policy; then every read as the source returned it (outages and refused
 * queries included) and every answer of the load balancer.
 *
 * Values keep Prometheus's own spelling for what JSON cannot hold ('NaN',
 * '+Inf', '-Inf'), so a NaN the window met replays as that NaN, not as a gap.
 */
import { z } from 'zod';
import { KPI_IDS } from '../../rules/types.js';

export const RECORDING_VERSION = 1;
/** How a recording starts, byte for byte: how `rehearse FILE` tells it from a drill fixture (JSON). */
export const RECORDING_PREFIX = '{"type":"recording"';

const epochMs = z.number().int().nonnegative();
const kpi = z.enum(KPI_IDS);
const NON_FINITE = { NaN: Number.NaN, '+Inf': Number.POSITIVE_INFINITY, '-Inf': Number.NEGATIVE_INFINITY } as const;
const value = z.union([z.number(), z.enum(['NaN', '+Inf', '-Inf'])]);

export const headerLine = z.object({
  type: z.literal('recording'),
  version: z.literal(RECORDING_VERSION),
  /** The window's id: a restarted live window appends to its own recording, never to another's. */
  name: z.string().min(1),
  mode: z.enum(['LIVE', 'REHEARSAL', 'RETROSPECTIVE']),
  startedAt: z.iso.datetime(),
  source: z.string(),
  /** The policy the window ran with (no source, billing, adapter or audit: they name servers and secrets). */
  config: z.record(z.string(), z.unknown()),
});

export const readLine = z.object({
  type: z.literal('read'),
  at: epochMs,
  /** [kpi, track, journey, value, the sample's own time in ms] */
  samples: z.array(z.tuple([kpi, z.enum(['canary', 'control']), z.string().min(1), value, epochMs])),
  problems: z.array(z.object({ kind: z.enum(['unreachable', 'bad-query', 'bad-response']), kpi: kpi.optional(), message: z.string() })),
  asked: z.array(kpi).optional(),
  /** The read threw instead of answering: the replay throws the same message. */
  error: z.string().optional(),
});

export const adapterLine = z.object({
  type: z.literal('adapter'),
  at: epochMs,
  call: z.enum(['getWeight', 'setWeight', 'verify']),
  /** The weight asked for (setWeight, verify). */
  weight: z.number().optional(),
  answer: z.object({ ok: z.boolean().optional(), weight: z.number().nullable().optional(), unsupported: z.literal(true).optional(), detail: z.string() }).optional(),
  error: z.string().optional(),
});

/** A restarted window carries on in the same file; the gap before it was not read by anyone. */
export const resumeLine = z.object({ type: z.literal('resume'), at: epochMs });

export const bodyLine = z.discriminatedUnion('type', [readLine, adapterLine, resumeLine]);

export type RecordingHeader = z.infer<typeof headerLine>;
export type ReadLine = z.infer<typeof readLine>;
export type AdapterLine = z.infer<typeof adapterLine>;
export type BodyLine = z.infer<typeof bodyLine>;

export const encodeValue = (v: number): number | 'NaN' | '+Inf' | '-Inf' =>
  Number.isFinite(v) ? v : Number.isNaN(v) ? 'NaN' : v > 0 ? '+Inf' : '-Inf';

export const decodeValue = (v: z.infer<typeof value>): number => (typeof v === 'number' ? v : NON_FINITE[v]);
