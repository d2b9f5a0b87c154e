// When an org's daily digest is due: at its configured hour, in its configured time zone (IANA,
// "UTC" by default), once per local day. Intl gives the local date and offset; no library needed.

const HOUR_MS = 60 * 60_000;
/** A digest not sent within this long after its hour (every instance was down) waits for the next day. */
export const DIGEST_GRACE_MS = 12 * HOUR_MS;

interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function localParts(at: Date, timeZone: string): LocalParts {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", second: "numeric" });
    formatters.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(at).map((part) => [part.type, part.value]));
  return { year: Number(parts.year), month: Number(parts.month), day: Number(parts.day), hour: Number(parts.hour), minute: Number(parts.minute), second: Number(parts.second) };
}

/** The local date at `at` in `timeZone`: "2026-11-30". */
export function localDate(at: Date, timeZone: string): string {
  const { year, month, day } = localParts(at, timeZone);
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** How far `timeZone` is ahead of UTC at `at`, in ms. */
function offsetAt(at: number, timeZone: string): number {
  const p = localParts(new Date(at), timeZone);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(at / 1000) * 1000;
}

/**
 * The instant `date` at `hour`:00 local time in `timeZone`. On a day the clocks skip that hour
 * (spring forward) it is the hour after; on a day it happens twice, the first of them.
 */
export function zonedInstant(date: string, hour: number, timeZone: string): Date {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  const wall = Date.UTC(year, month - 1, day, hour);
  // Two passes settle the offset on either side of a change.
  let guess = wall - offsetAt(wall, timeZone);
  guess = wall - offsetAt(guess, timeZone);
  return new Date(guess);
}

/**
 * The digest due now, if any: today's (local) once its hour has come, unless the digest was
 * switched on only after that hour (it starts the next day) or the hour passed over 12 hours ago.
 */
export function dueDigest(settings: { hour: number; timeZone: string; since: Date }, now: Date): { date: string; scheduledAt: Date } | null {
  const date = localDate(now, settings.timeZone);
  const scheduledAt = zonedInstant(date, settings.hour, settings.timeZone);
  const due = now.getTime() >= scheduledAt.getTime() && now.getTime() < scheduledAt.getTime() + DIGEST_GRACE_MS && scheduledAt.getTime() >= settings.since.getTime();
  return due ? { date, scheduledAt } : null;
}
