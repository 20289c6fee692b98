/**
 * `--record FILE`: the window's source and load balancer are wrapped so
 * every read and every answer is appended to FILE as it happens
 * (recording-decorators.ts). Done last in setup, after every other input
 * was accepted, so bad input never leaves a half-made recording.
 */
import { resolve } from 'node:path';
import { InputError } from '../config/input-error.js';
import type { UserConfig } from '../config/schema.js';
import { AUTO_OPERATOR } from '../engine/window-meta.js';
import type { WindowSetup } from '../run/setup-window.js';
import { recordableConfig } from './record-window.js';
import { RecordingFile } from './recording-file.js';
import { recordingAdapter, RecordingSource } from './recording-decorators.js';
import { RECORDING_VERSION } from './recording-lines.js';

/** Refuses a folder, a device or a file that is not a canary-tui recording, before anything else is set up. */
export function checkRecordTarget(path: string): void {
  RecordingFile.check(resolve(path));
}

export function withRecording(setup: WindowSetup, path: string, config: UserConfig, startedAtReal: number): WindowSetup {
  // Two processes appending to one recording would interleave their reads: the driver records, a viewer does not.
  if (setup.readOnly) throw InputError.said('--record', '', `expected to record a window this instance drives; it only watches (${setup.readOnly})`);
  const file = RecordingFile.open(
    resolve(path),
    {
      type: 'recording', version: RECORDING_VERSION, name: setup.windowId, mode: setup.meta.mode,
      startedAt: new Date(startedAtReal).toISOString(), source: setup.source.name,
      // The replay checks on the same grid as the window did.
      config: { ...recordableConfig(config), checkInterval: `${setup.policy.checkIntervalMs}ms` },
    },
    (text) => setup.redactor?.scrub(text) ?? text,
    (reason) => setup.audit.append({ at: new Date(setup.clock.now()).toISOString(), type: 'recording', operator: AUTO_OPERATOR, ok: false, reason }),
  );
  return {
    ...setup,
    source: new RecordingSource(setup.source, file),
    adapter: recordingAdapter(setup.adapter, file, setup.clock),
    meta: { ...setup.meta, sourceName: `${setup.meta.sourceName}, recorded to ${path}` },
  };
}
