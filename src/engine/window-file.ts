/**
 * The window's state on disk, rewritten atomically (temp file, fsync,
 * rename) on every change, so a laptop that dies mid-phase loses nothing:
 * the next start with the same config resumes in the same phase with its
 * elapsed time, breach timers and report schedule intact.
 */
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import type { WindowState } from '../../rules/phases.js';
import { InputError, fromZod } from '../config/input-error.js';

const triggerState = z.union([
  z.object({ state: z.literal('armed') }),
  z.object({ state: z.literal('breaching'), since: z.number(), checks: z.number(), value: z.number() }),
  z.object({ state: z.literal('fired'), at: z.number(), value: z.number(), reason: z.string() }),
]);

const persistedSchema = z.object({
  version: z.literal(1),
  savedAt: z.number(),
  state: z.object({
    // Every status of the machine (rules/window-machine.ts): a window quit while READY, or killed while a rollback was unconfirmed, must resume.
    status: z.enum(['ready', 'running', 'held', 'rolling-back', 'rolled-back', 'promoted']),
    phaseIndex: z.number().int().nonnegative(),
    phaseStartedAt: z.number(),
    weight: z.number(),
    triggers: z.record(z.string(), triggerState),
    lastReportAt: z.number().nullable(),
    holdReason: z.string().optional(),
    // An unconfirmed rollback carries who asked and why, so the resumed window keeps retrying it.
    rollback: z.object({ since: z.number(), operator: z.string(), reason: z.string(), detail: z.string() }).optional(),
    // The stable timer at 100% and GA: a restart must neither promote early nor lose the freeze.
    stableSince: z.number().optional(),
    promotedAt: z.number().optional(),
  }),
});

export class WindowFile {
  constructor(readonly path: string) {}

  /** The saved state, null when there is none; a corrupt file is bad input, never silently ignored. */
  load(): WindowState | null {
    if (!existsSync(this.path)) return null;
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(this.path, 'utf8'));
    } catch (e) {
      throw new InputError(this.path, '', `a saved window state in JSON (${(e as Error).message})`);
    }
    const parsed = persistedSchema.safeParse(raw);
    if (!parsed.success) throw fromZod(this.path, parsed.error);
    return parsed.data.state;
  }

  save(state: WindowState, now: number): void {
    // Owner-only, like the audit beside it; the temp file's mode survives the rename.
    mkdirSync(dirname(this.path), { recursive: true, mode: 0o700 });
    const tmp = `${this.path}.${process.pid}.tmp`;
    const fd = openSync(tmp, 'w', 0o600);
    try {
      writeSync(fd, JSON.stringify({ version: 1, savedAt: now, state }));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, this.path);
  }
}
