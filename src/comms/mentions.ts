/**
 * Slack pings `<@U…>` (a user) or `<!subteam^S…>` (a group); a bare `@name`
 * is plain text that pings nobody, so the CEO tag the directive requires on
 * every YELLOW or RED would go unseen. The CEO mention comes from the
 * roster's CEO contact, else `release.ceoHandle`; a config with neither says
 * in the report that the tag has no mention to ping.
 */
import type { UserConfig } from '../config/schema.js';
import type { Lint } from '../config/lint.js';

const MENTION = /^(<@[UW][A-Z0-9]+>|<!subteam\^S[A-Z0-9]+(\|[^>]*)?>|<!(here|channel)>)$/;

export const isSlackMention = (s: string): boolean => MENTION.test(s.trim());

/** The mention that tags the CEO, or null when the config names none. */
export function ceoMention(config: UserConfig): string | null {
  return config.roster?.ceo?.contact ?? config.release?.ceoHandle ?? null;
}

/** Warnings for contacts that would not ping: each path that holds a bare `@name`. */
export function lintMentions(config: UserConfig): Lint[] {
  const places: [string, string | undefined][] = [
    ['release.ceoHandle', config.release?.ceoHandle],
    ...Object.entries(config.roster ?? {}).map(([role, p]) => [`roster.${role}.contact`, p?.contact] as [string, string | undefined]),
  ];
  return places.filter(([, v]) => v !== undefined && v.trim().startsWith('@')).map(([path, v]) => ({
    path,
    message: `"${v}" is plain text in Slack and pings nobody; use a user mention <@U…> or a group mention <!subteam^S…>`,
  }));
}
