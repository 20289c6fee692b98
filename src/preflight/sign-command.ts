/**
 * `canary-tui sign ITEM --as NAME --config FILE`: a DRI signs a pre-flight
 * item of the live window that config describes. Refused (bad input, exit 2,
 * nothing written) for an item that does not exist or is probed by the tool,
 * and for a signer who is not the roster's holder of the item's role. A
 * signature is fsync'd and audited before it is reported; the running window
 * sees it at its next check.
 */
import { join } from 'node:path';
import { itemById, POST_SUCCESS_ITEMS, PREFLIGHT_ITEMS } from '../../rules/preflight-items.js';
import { holdsRole, ROLE_TITLE } from '../../rules/roles.js';
import { FileAuditLog } from '../audit/audit-log.js';
import { InputError } from '../config/input-error.js';
import { loadConfig } from '../config/load-config.js';
import { windowParts } from '../run/window-parts.js';
import { SignatureFile, signaturesPath } from './signature-file.js';

export interface SignOptions {
  config: string;
  as: string;
  auditDir?: string;
}

const SIGNED = [...PREFLIGHT_ITEMS, ...POST_SUCCESS_ITEMS].filter((i) => 'signedBy' in i.check).map((i) => i.id);

export async function runSign(itemId: string, opts: SignOptions, write: (line: string) => void, env: NodeJS.ProcessEnv, now: number): Promise<number> {
  const config = await loadConfig(opts.config);
  const item = itemById(itemId);
  if (!item) throw new InputError('ITEM', '', `one of the signed pre-flight items: ${SIGNED.join(', ')}; got "${itemId}"`);
  if (!('signedBy' in item.check)) throw new InputError('ITEM', '', `an item a person signs (${SIGNED.join(', ')}); ${item.id} is probed by canary-tui`);
  const role = item.check.signedBy;
  const holder = config.roster?.[role];
  if (!holder) throw new InputError(opts.config, `roster.${role}`, `the ${ROLE_TITLE[role]} named in the roster, who signs ${item.id}`);
  if (!holdsRole(config.roster ?? {}, role, opts.as)) {
    throw new InputError('--as', '', `the roster's ${ROLE_TITLE[role]} (${holder.name}), who signs ${item.id}; got "${opts.as}"`);
  }
  const parts = windowParts(config, { ...(opts.auditDir ? { auditDir: opts.auditDir } : {}), operator: opts.as }, 'LIVE', now, env);
  new SignatureFile(signaturesPath(parts.auditDir, parts.windowId)).append({ item: item.id, by: holder.name, at: now });
  const audit = new FileAuditLog(join(parts.auditDir, `${parts.windowId}.jsonl`));
  audit.append({ at: new Date(now).toISOString(), type: 'signature', operator: holder.name, item: item.id, role: ROLE_TITLE[role], detail: item.detail });
  const kept = audit.flushPending?.();
  if (kept) throw new Error(`the signature is saved but its audit record is not: ${kept}`);
  write(`signed ${item.id} (${item.title}) as ${holder.name}, ${ROLE_TITLE[role]}, at ${new Date(now).toISOString().slice(11, 16)} UTC for window ${parts.windowId}\n`);
  return 0;
}
