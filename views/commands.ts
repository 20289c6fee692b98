/**
 * What a key press asks the shell to do. Plain data, so the App never calls
 * the engine itself and tests can collect commands in an array. Commands
 * about the rollout carry the window they were asked for (`bound`): the
 * engine refuses one whose window moved since.
 */
import type { Bound } from '../rules/window-machine.js';
import type { PostKind } from '../src/comms/release-posts.js';

export type Command =
  | { type: 'open'; bound: Bound; override?: string }
  | { type: 'advance'; override?: string; approvedBy?: string; bound?: Bound }
  | { type: 'hold'; bound?: Bound }
  | { type: 'resume'; bound?: Bound }
  | { type: 'rollback'; reason: string }
  /** `post`: a #ship-room post from the posts view instead of the report. */
  | { type: 'copy'; post?: PostKind }
  /** The report (or the post) as a file in the window's folder. */
  | { type: 'write'; post?: PostKind }
  /** The report (or the post) to the Slack webhook, after the IC confirmed the channel. */
  | { type: 'post'; post?: PostKind }
  /** A pre-flight or checklist item signed in the pre-flight view. */
  | { type: 'sign'; item: string; by: string }
  /** Replay clock: pause or play, change the speed by one step, rush to the next event. */
  | { type: 'replay'; control: 'pause' | 'faster' | 'slower' | 'next' }
  | { type: 'quit' }
  /** A prompt closed because the window changed under it: told and audited. */
  | { type: 'prompt-cancelled'; why: string };

/** Recorded in the audit log as the reason of a rollback pressed on this screen. */
export const WAR_ROOM_ROLLBACK_REASON = 'IC rollback from the war room';
