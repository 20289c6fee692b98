/**
 * Where the engine's events go: every listener (the TUI, headless, the
 * drill's score, a recording), and a short memory of the window's actions
 * for the report's "since the last report". Kept apart from the engine so
 * telling is one place and deciding another.
 */
import type { EngineEvent } from './events.js';
import type { Listener } from './engine-deps.js';

/** Actions kept for the report (a 15-minute interval holds far fewer). */
const RECENT_ACTIONS = 50;

export class EventHub {
  readonly #listeners = new Set<Listener>();
  #actions: Extract<EngineEvent, { type: 'action' }>[] = [];

  on(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  tell(event: EngineEvent): void {
    if (event.type === 'action') this.#actions = [...this.#actions.slice(-(RECENT_ACTIONS - 1)), event];
    for (const l of this.#listeners) l(event);
  }

  /** The window's recent actions, oldest first. */
  get actions(): readonly Extract<EngineEvent, { type: 'action' }>[] {
    return this.#actions;
  }
}

/**
 * A running stable timer restarting is said (and audited) once, not at
 * every unstable check after it: `next` says it when the restart is new.
 */
export class StableRestartNews {
  #wasReset = false;

  next(resetBy: string | undefined): string | null {
    const fresh = resetBy !== undefined && !this.#wasReset;
    this.#wasReset = resetBy !== undefined;
    return fresh ? `stable timer restarted: ${resetBy}` : null;
  }
}
