/**
 * Posts to a Slack incoming webhook. The URL is the secret (whoever holds
 * it can post to the channel): it comes from the environment or a file
 * (config `slack.webhook`), is registered with the redactor and never shown;
 * the confirmation names the channel instead. Slack answers `ok` at 200;
 * anything else is a failure said in one line, and the text is kept in the
 * window's folder so nothing typed under stress is lost.
 */
import { z } from 'zod';
import { resolveSecret, secretRefSchema, type Redactor } from '../config/secrets.js';
import { durationMs } from '../config/units.js';
import type { UserConfig } from '../config/schema.js';
import { fitSlackText } from './slack-limits.js';
import { reportBlocks } from './slack-blocks.js';

export const slackSchema = z.strictObject({
  /** Where the incoming webhook's URL lives: { env: NAME } or { file: PATH }. */
  webhook: secretRefSchema,
  /** The channel the webhook posts to, for the confirmation; default release.channel. */
  channel: z.string().min(1).optional(),
  timeout: durationMs.default(5000),
  /** text: one mrkdwn message (40,000 characters); blocks: Block Kit sections (50 blocks, 3,000 characters each), the text as the notification fallback. */
  format: z.enum(['text', 'blocks']).default('text'),
});

export interface PostOutcome { ok: boolean; detail: string }

/**
 * A webhook's secret is its path (`/services/T…/B…/…`): a receiver may echo
 * the path alone, or its last part, so each is scrubbed, not only the URL.
 */
export function registerWebhook(r: Redactor, url: string): void {
  r.add(url);
  try {
    const parts = new URL(url).pathname.split('/').filter(Boolean);
    for (let i = 0; i < parts.length; i++) r.add(parts.slice(i).join('/'));
  } catch { /* not a URL: the whole string is registered */ }
}

export class SlackPoster {
  constructor(private readonly url: string, readonly channel: string, private readonly timeoutMs: number, private readonly redactor: Redactor, private readonly format: 'text' | 'blocks' = 'text') {
    registerWebhook(redactor, url);
  }

  /** The window's own scrubber learns the URL too, so no audit line or error can carry it. */
  registerWith(other: Redactor): void {
    registerWebhook(other, this.url);
  }

  async post(text: string): Promise<PostOutcome> {
    const fallback = fitSlackText(text);
    const body = JSON.stringify(this.format === 'blocks' ? { text: fallback, blocks: reportBlocks(text) } : { text: fallback, mrkdwn: true });
    try {
      const res = await fetch(this.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body, signal: AbortSignal.timeout(this.timeoutMs) });
      const answer = (await res.text()).trim().slice(0, 200);
      if (res.status === 200 && answer === 'ok') return { ok: true, detail: `posted to ${this.channel} (Slack answered ok)` };
      return { ok: false, detail: this.redactor.scrub(`Slack answered HTTP ${res.status}${answer ? ` "${answer}"` : ''}`) };
    } catch (e) {
      const err = e as Error & { cause?: { code?: string } };
      const why = err.name === 'TimeoutError' ? `no answer within ${this.timeoutMs / 1000}s` : (err.cause?.code ?? err.message);
      return { ok: false, detail: this.redactor.scrub(`the webhook could not be reached (${why})`) };
    }
  }
}

/** The poster a config asks for (secret resolved and registered), or null without a `slack` section. */
export function buildSlack(config: UserConfig, file: string, env: NodeJS.ProcessEnv, redactor: Redactor): SlackPoster | null {
  if (!config.slack) return null;
  const url = resolveSecret(config.slack.webhook, { file, path: 'slack.webhook' }, env, redactor);
  return new SlackPoster(url, config.slack.channel ?? config.release?.channel ?? '#ship-room', config.slack.timeout, redactor, config.slack.format);
}
