/**
 * Grafana annotations, so the dashboards the room watches show the window:
 * the open, each phase change, holds, resumes and rollbacks, at the
 * engine's time, tagged `canary-tui` and the release tag. Optional (config
 * `grafana`), live windows only: a drill must not draw on production
 * dashboards. The token comes from the environment or a file and is
 * scrubbed; Grafana's answer is the only evidence, so an annotation is said
 * done only when Grafana returns its id. A failure is audited and never
 * touches the window.
 */
import { z } from 'zod';
import { httpUrl } from '../config/http-url.js';
import { resolveSecret, secretRefSchema, type Redactor } from '../config/secrets.js';
import { durationMs } from '../config/units.js';
import type { UserConfig } from '../config/schema.js';

export const grafanaSchema = z.strictObject({
  /** Grafana's base URL, e.g. https://grafana.example.com; never with user:password (the token authenticates). */
  url: httpUrl().refine((u) => { const p = new URL(u); return !p.username && !p.password; }, 'expected a URL without user:password in it (the token authenticates; a password in a URL reaches logs)'),
  /** A service-account token with annotations:write: { env: NAME } or { file: PATH }. */
  token: secretRefSchema,
  /** The dashboard to pin the annotations to; without it they are organisation-wide, shown where a dashboard asks for the tags. */
  dashboardUid: z.string().min(1).optional(),
  tags: z.array(z.string().min(1)).default(['canary-tui']),
  timeout: durationMs.default(5000),
});

export interface AnnotationOutcome { ok: boolean; detail: string; id?: number }

export class GrafanaAnnotator {
  constructor(
    private readonly base: string,
    private readonly token: string,
    private readonly opts: { dashboardUid?: string | undefined; tags: readonly string[]; timeoutMs: number },
    private readonly redactor: Redactor,
  ) {}

  /** For the window's own redactor: the token is scrubbed from everything the window says. */
  get secret(): string {
    return this.token;
  }

  async annotate(at: number, text: string, tags: readonly string[]): Promise<AnnotationOutcome> {
    const body = JSON.stringify({ time: at, text, tags: [...this.opts.tags, ...tags], ...(this.opts.dashboardUid ? { dashboardUID: this.opts.dashboardUid } : {}) });
    const url = `${this.base.replace(/\/+$/, '')}/api/annotations`;
    try {
      const res = await fetch(url, {
        method: 'POST', body, signal: AbortSignal.timeout(this.opts.timeoutMs),
        headers: { 'content-type': 'application/json', authorization: `Bearer ${this.token}` },
      });
      const answer = (await res.text()).trim();
      const id = res.status === 200 ? idOf(answer) : null;
      if (id !== null) return { ok: true, id, detail: `Grafana annotation ${id} added` };
      return { ok: false, detail: this.redactor.scrub(`Grafana answered HTTP ${res.status}${answer ? ` "${answer.slice(0, 200)}"` : ''}`) };
    } catch (e) {
      const err = e as Error & { cause?: { code?: string } };
      // Never err.message: fetch puts the whole URL in it.
      const why = err.name === 'TimeoutError' ? `no answer within ${this.opts.timeoutMs / 1000}s` : (err.cause?.code ?? err.name);
      return { ok: false, detail: this.redactor.scrub(`Grafana could not be reached (${why})`) };
    }
  }
}

/** Grafana answers `{"id": N, "message": "Annotation added"}`; anything else is no evidence. */
function idOf(answer: string): number | null {
  try {
    const id = (JSON.parse(answer) as { id?: unknown }).id;
    return typeof id === 'number' && Number.isInteger(id) ? id : null;
  } catch {
    return null;
  }
}

/** The annotator a config asks for (token resolved and registered), or null without a `grafana` section. */
export function buildGrafana(config: UserConfig, file: string, env: NodeJS.ProcessEnv, redactor: Redactor): GrafanaAnnotator | null {
  const g = config.grafana;
  if (!g) return null;
  const token = resolveSecret(g.token, { file, path: 'grafana.token' }, env, redactor);
  return new GrafanaAnnotator(g.url, token, { dashboardUid: g.dashboardUid, tags: g.tags, timeoutMs: g.timeout }, redactor);
}
