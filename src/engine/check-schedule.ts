/**
 * When the next check runs, and the time it is judged at. Checks keep to a fixed grid from the first one
 * (first + k × interval) instead of "interval after the last one finished":
 * a live window's reads then fall on the same instants a retrospective
 * replay of that window queries, and a slow read does not push every later
 * check back. A read that overran its slot skips the slots it missed rather
 * than firing a burst of catch-up checks.
 */
export function nextCheckAt(lastDue: number, now: number, intervalMs: number): number {
  const next = lastDue + intervalMs;
  if (next > now) return next;
  return lastDue + (Math.floor((now - lastDue) / intervalMs) + 1) * intervalMs;
}

/**
 * The time a check reads and judges at: its slot, when the timer woke within
 * half an interval of it. A live timer wakes a few milliseconds late, and a
 * different few each time; judged at the wake-up time, "over 120 ms for 3s"
 * fired at the third check after the breach or the fourth, by chance, and a
 * replay of the same window could not agree with it. Woken much later (the
 * process was stopped, the event loop blocked), the check is judged now.
 */
export function checkTime(due: number | undefined, now: number, intervalMs: number): number {
  return due !== undefined && now - due < intervalMs / 2 ? due : now;
}
