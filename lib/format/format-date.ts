// Dates are shown in UTC with a fixed locale so server and browser render the same text, and a
// reviewer comparing a date with GitHub's audit log (also UTC) sees the same day.

const dateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
const dateTimeFormat = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "UTC",
  timeZoneName: "short",
});
const relativeFormat = new Intl.RelativeTimeFormat("en", { numeric: "auto" });

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "12 Mar 2025" */
export function formatDate(iso: string): string {
  return dateFormat.format(new Date(iso));
}

/** "12 Mar 2025, 14:05 UTC" — for titles and the detail panel, where precision helps. */
export function formatDateTime(iso: string): string {
  return dateTimeFormat.format(new Date(iso));
}

/** "3 days ago", "in 5 months", "just now". */
export function formatRelative(iso: string, now: Date): string {
  const diff = new Date(iso).getTime() - now.getTime();
  const abs = Math.abs(diff);
  if (abs < MINUTE) return "just now";
  if (abs < HOUR) return relativeFormat.format(Math.round(diff / MINUTE), "minute");
  if (abs < DAY) return relativeFormat.format(Math.round(diff / HOUR), "hour");
  if (abs < 30 * DAY) return relativeFormat.format(Math.round(diff / DAY), "day");
  if (abs < 365 * DAY) return relativeFormat.format(Math.round(diff / (30 * DAY)), "month");
  return relativeFormat.format(Math.round(diff / (365 * DAY)), "year");
}
