/**
 * What every window needs whatever its source: release facts, operator, id
 * and audit file. The adapter is built by the caller, after a live window has
 * learnt from its lock whether it drives at all (a viewer never builds one).
 */
import { ceoMention } from '../comms/mentions.js';
import { userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import { FileAuditLog, type AuditSink } from '../audit/audit-log.js';
import type { UserConfig } from '../config/schema.js';
import type { RunMode, WindowMeta } from '../engine/window-meta.js';
import type { RunOptions } from './setup-window.js';

export interface WindowParts {
  windowId: string;
  auditDir: string;
  meta: WindowMeta;
  audit: AuditSink;
}

export function windowParts(config: UserConfig, opts: RunOptions, mode: RunMode, startedAtReal: number, env: NodeJS.ProcessEnv): WindowParts {
  const release = {
    tag: config.release?.tag ?? '(untagged)',
    commit: config.release?.commit ?? '(no sha)',
    service: config.release?.service ?? 'service',
    region: config.release?.region ?? '(region)',
    channel: config.release?.channel ?? '#ship-room',
    ceoHandle: ceoMention(config),
    ic: config.roster?.incidentCommander ?? null,
  };
  // A live window keeps one id across restarts (crash-resume, one audit file); each rehearsal is a new window.
  const safeTag = release.tag.replace(/[^\w.-]+/g, '') || 'untagged';
  const windowId = mode === 'LIVE'
    ? `${safeTag}-live`
    : `${safeTag}-${mode.toLowerCase()}-${new Date(startedAtReal).toISOString().replace(/[-:]/g, '').slice(0, 15)}`;
  const auditDir = resolve(opts.auditDir ?? config.audit?.dir ?? '.canary-tui/audit');
  return {
    windowId,
    auditDir,
    meta: {
      release,
      mode,
      speed: null,
      // Flags and config refuse a blank name; an empty $USER (some containers) falls through to the OS account.
      operator: (opts.operator ?? config.operator ?? env.USER)?.trim() || userInfo().username,
      sourceName: '',
      endsAt: null,
    },
    audit: new FileAuditLog(join(auditDir, `${windowId}.jsonl`)),
  };
}
