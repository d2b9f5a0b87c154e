// The two export formats of the audit trail. CSV follows RFC 4180 (CRLF rows, fields quoted when
// they hold a comma, quote or line break) and defuses spreadsheet formulas: a text cell starting
// with = + - @ (or a tab / carriage return) is written with a leading apostrophe, so a token
// name or deny reason like `=HYPERLINK(…)` stays text when an owner opens the file.

import type { AuditRecord } from "@/lib/contract/audit-record";

export type ExportFormat = "csv" | "jsonl";

export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  jsonl: "application/jsonl; charset=utf-8",
};

const CSV_COLUMNS: [string, (record: AuditRecord) => string | number | null][] = [
  ["time", (record) => record.at],
  ["batch", (record) => record.batchId],
  ["org", (record) => record.org],
  ["actor", (record) => record.actor.login],
  ["actor_id", (record) => record.actor.id],
  ["action", (record) => record.action],
  ["target_id", (record) => record.targetId],
  ["token_id", (record) => record.token?.id ?? null],
  ["token_name", (record) => record.token?.name ?? null],
  ["token_owner", (record) => record.token?.ownerLogin ?? null],
  ["reason", (record) => record.reason],
  ["outcome", (record) => record.outcome],
  ["status", (record) => record.status],
  ["code", (record) => record.code],
  ["message", (record) => record.message],
  ["outcome_time", (record) => record.outcomeAt],
  // Added after the others, so columns read by position keep their place.
  ["acted_as", (record) => record.actedAs],
];

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One CSV field: numbers as they are, text guarded against formulas and quoted when needed. */
export function csvField(value: string | number | null): string {
  if (value === null) return "";
  if (typeof value === "number") return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvHeader(): string {
  return `${CSV_COLUMNS.map(([name]) => name).join(",")}\r\n`;
}

export function toCsvRow(record: AuditRecord): string {
  return `${CSV_COLUMNS.map(([, value]) => csvField(value(record))).join(",")}\r\n`;
}

export function toJsonLine(record: AuditRecord): string {
  return `${JSON.stringify(record)}\n`;
}
