// What a filter's column holds, read back defensively (a value from the URL may be anything), for
// both a filter's toolbar button and its panel.

import type { DateRangeValue } from "@/lib/search-params/table-state";

export function currentRange(value: unknown): DateRangeValue {
  const range = (value ?? {}) as Partial<DateRangeValue>;
  return { from: range.from instanceof Date ? range.from : null, to: range.to instanceof Date ? range.to : null };
}

export function currentValues(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
}
