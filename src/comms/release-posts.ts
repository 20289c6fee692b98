/**
 * The #ship-room posts around the window, as the directive fixes them:
 * the acknowledgement (the window proposed from the region's lowest-RPS
 * trough), T-2h (region and rationale, the DRI roster with contacts, the
 * window in UTC, the dashboards), T-1h (pre-flight item by item, who signed
 * what) and T-0 (the release tag with its commit, and the change record).
 * Filled from the config and the window's state; pure, so a test reads the
 * exact text. A rehearsal or retrospective says so on its first line.
 */
import { ROLE_TITLE, ROLES, type Roster } from '../../rules/roles.js';
import type { PreflightView } from '../preflight/preflight-host.js';
import type { UserConfig } from '../config/schema.js';
import type { WindowMeta } from '../engine/window-meta.js';
import { maskPii } from './pii.js';
import { utcMinute } from '../../rules/format.js';

export const POST_KINDS = ['ack', 't-2h', 't-1h', 't-0'] as const;
export type PostKind = (typeof POST_KINDS)[number];

export interface PostContext {
  meta: WindowMeta;
  config: UserConfig;
  /** The region rule's choice (config `regions`), when asked. */
  region: { chosen: string | null; rationale: string } | null;
  /** The lowest-RPS hour of the week in the chosen region, when asked. */
  trough: { at: number; meanRps: number } | null;
  preflight: PreflightView | null;
  now: number;
}

const GLYPH: Record<string, string> = { GREEN: '✔', YELLOW: '▲', RED: '✖', UNKNOWN: '?' };

function firstLine(ctx: PostContext, title: string): string {
  const r = ctx.meta.release;
  return `*${title}* · ${r.service} ${r.tag} (\`${r.commit}\`)${ctx.meta.mode === 'LIVE' ? '' : ` · _${ctx.meta.mode}_`}`;
}

function windowLine(ctx: PostContext): string {
  const start = ctx.config.window?.start;
  return start ? `*Window* T-0 ${utcMinute(Date.parse(start))} · ${ctx.meta.release.region}` : '*Window* no window.start in the config: T-0 not planned';
}

export function rosterLines(roster: Roster): string[] {
  return ROLES.map((role) => {
    const p = roster[role];
    return p?.name.trim() && p.contact.trim() ? `• ${ROLE_TITLE[role]}: ${p.name} ${p.contact}` : `• ${ROLE_TITLE[role]}: MISSING (roster.${role})`;
  });
}

function dashboardLines(config: UserConfig): string[] {
  const d = config.preflight?.dashboards ?? [];
  return d.length ? d.map((x) => `• <${x.url}|${x.name}>`) : ['• none configured (preflight.dashboards)'];
}

export function releasePost(kind: PostKind, ctx: PostContext): string {
  const lines = ((): string[] => {
    switch (kind) {
      case 'ack': {
        const proposed = ctx.trough && ctx.region?.chosen
          ? `Proposed canary window: ${utcMinute(ctx.trough.at)}, the lowest-RPS hour of the week in ${ctx.region.chosen} (mean ${Math.round(ctx.trough.meanRps).toLocaleString('en-US')} rps over 7 days)`
          : ctx.config.window?.start ? `Proposed canary window: ${utcMinute(Date.parse(ctx.config.window.start))} (window.start; no RPS trough was read)` : 'Proposed canary window: not known yet (no regions.troughQuery and no window.start)';
        return [firstLine(ctx, 'Acknowledged: CEO_FINAL_DIRECTIVE.md'), proposed, ...(ctx.region ? [`*Region* ${ctx.region.rationale}`] : [])];
      }
      case 't-2h':
        return [firstLine(ctx, 'T-2h'), windowLine(ctx), `*Region* ${ctx.region?.rationale ?? `${ctx.meta.release.region} (release.region; no regions section to rank candidates)`}`,
          '*DRI roster*', ...rosterLines(ctx.config.roster ?? {}), '*Dashboards*', ...dashboardLines(ctx.config)];
      case 't-1h': {
        const p = ctx.preflight;
        if (!p) return [firstLine(ctx, 'T-1h pre-flight'), 'no pre-flight: the config plans no release (window.start, roster, preflight)'];
        return [firstLine(ctx, `T-1h pre-flight: ${p.go ? 'GO' : 'NO-GO'}`), windowLine(ctx),
          ...p.items.map((i) => `${GLYPH[i.status]} ${i.status} ${i.item.title}: ${i.detail}`),
          ...(p.go ? [] : [`*Not GREEN* ${p.items.filter((i) => i.status !== 'GREEN').length} item(s): opening is refused until they are, or the IC overrides with a reason`])];
      }
      case 't-0': {
        const links = ctx.config.release?.links;
        const doc = (name: string, url: string | undefined, key: string) => (url ? `<${url}|${name}>` : `${name} (no link: release.links.${key})`);
        return [firstLine(ctx, `T-0 · prod release ${ctx.meta.release.tag}`), `*Tag* ${ctx.meta.release.tag} · commit \`${ctx.meta.release.commit}\``, windowLine(ctx),
          `*Change record* ${doc('CEO_FINAL_DIRECTIVE.md', links?.directive, 'directive')} · ${doc('HANDOFF_SUMMARY.md', links?.handoff, 'handoff')}`, '*Dashboards*', ...dashboardLines(ctx.config)];
      }
    }
  })();
  return maskPii(lines.join('\n'), [ctx.meta.release.commit]);
}
