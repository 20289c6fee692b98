/**
 * Masks what looks like personal data before text leaves the process in a
 * report, a post, a file or the archive: e-mail addresses, phone numbers and
 * long opaque IDs (UUIDs, 16+ digit or hex runs) in label values and URLs.
 * Slack mentions (<@U…>) and the commit SHA stay: they identify the team's
 * own accounts and the release, not a user.
 */
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
/** International (+…) or North-American (415-555-0134, (415) 555-0134) numbers; dates and times are neither. */
const PHONE = /\+\d[\d ().-]{7,}\d|\(\d{3}\)\s?\d{3}[-.\s]\d{4}\b|\b\d{3}[-.]\d{3}[-.]\d{4}\b/g;
const UUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi;
const LONG_ID = /\b(?=[0-9a-f]*\d)[0-9a-f]{16,}\b|\b\d{12,}\b/gi;

/** `keep`: strings of the team's own that look like IDs but are not a person's (a full 40-digit commit SHA). */
export function maskPii(text: string, keep: readonly string[] = []): string {
  const kept = keep.filter((k) => k.length > 0);
  let out = text;
  kept.forEach((k, i) => { out = out.split(k).join(`\u0000${i}\u0000`); });
  out = out.replace(EMAIL, '[email]').replace(UUID, '[id]').replace(LONG_ID, '[id]').replace(PHONE, '[phone]');
  kept.forEach((k, i) => { out = out.split(`\u0000${i}\u0000`).join(k); });
  return out;
}
