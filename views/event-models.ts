/** The event log's lines: newest last, one line each, tone by what happened. */
import type { EngineEvent } from '../src/engine/events.js';
import type { EventModel } from './view-model.js';

/** A move reads "advance 5%→25%"; a hold or resume moves nothing and reads "hold at 25%". */
function actionText(e: Extract<EngineEvent, { type: 'action' }>): string {
  return e.fromWeight === e.toWeight && (e.action === 'hold' || e.action === 'resume' || !e.ok) ? `${e.action} at ${e.fromWeight}%` : `${e.action} ${e.fromWeight}%→${e.toWeight}%`;
}

export function eventModels(events: readonly EngineEvent[], limit = 8): EventModel[] {
  const out: EventModel[] = [];
  for (const e of events) {
    const at = e.at.slice(11, 16);
    if (e.type === 'phase') out.push({ at, text: `phase ${e.phase} · ${e.weight}% · ${e.windowStatus}: ${e.reason}`, tone: e.windowStatus === 'rolled-back' ? 'error' : 'info' });
    else if (e.type === 'action') out.push({ at, text: `${actionText(e)} by ${e.operator}: ${e.ok ? 'OK' : e.detail.startsWith('refused') ? 'REFUSED' : 'FAILED'} · ${e.ok ? e.detail : e.detail.replace(/^refused: /, '')}`, tone: e.ok ? 'info' : 'error' });
    else if (e.type === 'stop') out.push({ at, text: `stopped by ${e.operator} with the canary at ${e.weight}% (window ${e.windowStatus})`, tone: 'warn' });
    else if (e.type === 'trigger') out.push({ at, text: `trigger ${e.id} ${e.state}: ${e.reason}`, tone: e.state === 'armed' ? 'info' : e.state === 'fired' ? 'error' : 'warn' });
    else if (e.type === 'error') out.push({ at, text: e.message, tone: 'error' });
    else if (e.type === 'lifecycle') out.push({ at, text: `${e.stage}: ${e.message}`, tone: 'warn' });
    else if (e.type === 'history') out.push({ at, text: `chart restored from ${e.source}: ${e.points} points since ${e.since.slice(11, 16)}`, tone: 'info' });
    else if (e.type === 'report') out.push({ at, text: 'status report ready (press c to copy)', tone: 'info' });
  }
  return out.slice(-limit);
}
