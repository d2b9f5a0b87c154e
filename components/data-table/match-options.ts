import type { FilterOption } from "./data-table-types";

/**
 * Options whose label, value, group or keywords contain every word of the query. An option
 * whose value or label is exactly the query comes first, so typing `secrets_write` and pressing
 * Enter picks that and not `organization_secrets_write`.
 */
export function matchOptions(options: readonly FilterOption[], query: string): FilterOption[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...options];
  const wanted = query.trim().toLowerCase();
  const matches = options.filter((option) => {
    const haystack = `${option.label} ${option.value} ${option.group ?? ""} ${option.keywords ?? ""}`.toLowerCase();
    return words.every((word) => haystack.includes(word));
  });
  const exact = (option: FilterOption) => option.value.toLowerCase() === wanted || option.label.toLowerCase() === wanted;
  return [...matches.filter(exact), ...matches.filter((option) => !exact(option))];
}
