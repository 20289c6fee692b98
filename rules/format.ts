/** Units a value is shown in; rules put values into reasons, so formatting lives with them. */
export type Unit = 'ms' | 'pct' | 'x' | 'usd' | 'count' | 'delta';

/** Human text for a value: 0.0051 pct → "0.51%", 0.031 delta → "+3.1%". */
export function formatValue(value: number | null, unit: Unit): string {
  if (value === null || !Number.isFinite(value)) return '—';
  switch (unit) {
    case 'ms':
      return `${round(value, 1)} ms`;
    case 'pct':
      return `${round(value * 100, 2)}%`;
    case 'delta':
      return `${value >= 0 ? '+' : ''}${round(value * 100, 1)}%`;
    case 'x':
      return `${round(value, 2)}x`;
    case 'usd':
      return `$${value.toFixed(2)}`;
    case 'count':
      return String(Math.round(value));
  }
}

/** "1h05m", "9m59s", "45s": durations in reasons and countdowns. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  if (h > 0) return `${h}h${String(m).padStart(2, '0')}m`;
  if (m > 0) return s === 0 ? `${m}m` : `${m}m${String(s).padStart(2, '0')}s`;
  return `${s}s`;
}

function round(value: number, digits: number): string {
  return String(Number(value.toFixed(digits)));
}

/**
 * A duration for a calm screen: whole minutes from a minute up, 5-second steps
 * below. A clock that changes every second forces a redraw every second; this
 * one changes every five (measured: 2.8% of a core at 1 Hz over 10 minutes).
 */
export function formatCalmDuration(ms: number): string {
  return formatDuration(calmMs(ms));
}

/** The same steps as a number, for bars and anything else the screen compares between redraws. */
export function calmMs(ms: number): number {
  const step = ms >= 60_000 ? 60_000 : 5_000;
  return Math.floor(Math.max(0, ms) / step) * step;
}

/** "04:15 UTC": a time of day in reports, posts and the header (every time the war room reads is UTC). */
export function utcTime(t: number | string): string {
  return `${new Date(t).toISOString().slice(11, 16)} UTC`;
}

/** "2026-11-20 04:15 UTC": a moment with its date, for posts and files read later. */
export function utcMinute(t: number | string): string {
  return `${new Date(t).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
