/**
 * What a key press asks the shell to do. Plain data, so the App never calls
 * the engine itself and tests can collect commands in an array.
 */
export type Command =
  | { type: 'advance'; override?: string; approvedBy?: string }
  | { type: 'hold' }
  | { type: 'resume' }
  | { type: 'rollback'; reason: string }
  | { type: 'copy' }
  | { type: 'quit' };

/** Recorded in the audit log as the reason of a rollback pressed on this screen. */
export const WAR_ROOM_ROLLBACK_REASON = 'IC rollback from the war room';
