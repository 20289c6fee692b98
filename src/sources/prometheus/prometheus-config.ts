/**
 * How a team reaches its Prometheus and what its metrics are called. Nothing
 * here assumes our metric names: every KPI is a PromQL expression, and the
 * labels that tell canary from control and journey from journey are named.
 */
import { z } from 'zod';
import { KPI_IDS } from '../../../rules/types.js';
import { secretRefSchema } from '../../config/secrets.js';
import { durationMs } from '../../config/units.js';

const kpiQueries = z.partialRecord(z.enum(KPI_IDS), z.string().min(1));

export const prometheusSourceSchema = z
  .strictObject({
    type: z.literal('prometheus'),
    /** Prometheus, Mimir, Cortex or Thanos query endpoint, e.g. http://127.0.0.1:9090 (the /api/v1 part is added). */
    url: z.url().optional(),
    /** Reach Prometheus through Grafana's datasource proxy instead of directly. */
    grafana: z.strictObject({ url: z.url(), datasourceUid: z.string().min(1), token: secretRefSchema }).optional(),
    bearerToken: secretRefSchema.optional(),
    basicAuth: z.strictObject({ username: z.string().min(1), password: secretRefSchema }).optional(),
    /** Plain headers, e.g. X-Scope-OrgID for a Mimir/Cortex/Thanos tenant. */
    headers: z.record(z.string(), z.string()).default({}),
    /** Headers whose values are secrets, from the environment or a file. */
    secretHeaders: z.record(z.string(), secretRefSchema).default({}),
    tls: z.strictObject({ caFile: z.string().min(1) }).optional(),
    timeout: durationMs.default(5000),
    /** Send every KPI's query in one request (see PrometheusSource); false sends one request per KPI. */
    batch: z.boolean().default(true),
    labels: z
      .strictObject({
        track: z.string().min(1).default('track'),
        journey: z.string().min(1).default('journey'),
        canary: z.string().min(1).default('canary'),
        control: z.string().min(1).default('control'),
        /** Label value that marks the all-journeys series, when a query returns one. */
        overall: z.string().min(1).default('all'),
      })
      .prefault({}),
    queries: kpiQueries,
  })
  .refine((s) => (s.url === undefined) !== (s.grafana === undefined), 'expected exactly one of url (Prometheus) or grafana (datasource proxy)');

export type PrometheusSourceConfig = z.infer<typeof prometheusSourceSchema>;
