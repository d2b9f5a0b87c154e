"use client";

import { XIcon } from "lucide-react";
import { useId, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { currentValues } from "./filter-values";
import type { DataTableFilterColumn, MultiTextFilter } from "./data-table-types";

/** The owner filter's panel: type a value, Enter adds it; each value has its own remove button. */
export function MultiValueFilterPanel({
  column,
  label,
  filter,
}: {
  column: DataTableFilterColumn;
  label: string;
  filter: MultiTextFilter;
}) {
  const values = currentValues(column.getFilterValue());
  const [draft, setDraft] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const inputId = useId();
  const problemId = useId();
  const full = values.length >= filter.max;
  const chosen = new Set(values.map((value) => value.toLowerCase()));
  const suggestions = (filter.suggestions ?? []).filter((suggestion) => !chosen.has(suggestion.value.toLowerCase()));

  const setValues = (next: string[]) => column.setFilterValue(next.length > 0 ? next : undefined);

  const add = (event: FormEvent) => {
    event.preventDefault();
    const value = draft.trim();
    if (!value) return;
    const invalid = filter.validate(value);
    if (invalid) return setProblem(invalid);
    if (values.some((existing) => existing.toLowerCase() === value.toLowerCase())) return setProblem(`${value} is already in the filter.`);
    setValues([...values, value]);
    setDraft("");
    setProblem(null);
  };

  return (
    <>
      <form onSubmit={add} className="flex flex-col gap-1.5">
        <label htmlFor={inputId} className="text-xs font-medium text-zinc-700">
          {label} ({values.length} of at most {filter.max})
        </label>
        <div className="flex gap-1.5">
          <Input
            id={inputId}
            // The panel was opened to type here.
            autoFocus
            value={draft}
            placeholder={full ? `At most ${filter.max}` : filter.placeholder}
            disabled={full}
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? problemId : undefined}
            autoComplete="off"
            spellCheck={false}
            onChange={(event) => {
              setDraft(event.target.value);
              setProblem(null);
            }}
          />
          <Button type="submit" disabled={full || !draft.trim()}>
            Add
          </Button>
        </div>
        {problem ? (
          <p id={problemId} className="text-xs text-red-700">
            {problem}
          </p>
        ) : null}
      </form>
      {suggestions.length > 0 ? (
        <div className="flex flex-col gap-1">
          <p className="text-xs font-medium text-zinc-500">Most among the matches</p>
          <ul className="flex max-h-40 flex-col overflow-y-auto" aria-label={`Suggested ${label.toLowerCase()} values`}>
            {suggestions.map((suggestion) => (
              <li key={suggestion.value}>
                <button
                  type="button"
                  disabled={full}
                  onClick={() => setValues([...values, suggestion.value])}
                  className="flex w-full items-center justify-between gap-2 rounded px-1.5 py-1 text-left text-sm text-zinc-800 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-indigo-600 disabled:opacity-50"
                >
                  <span className="truncate">{suggestion.value}</span>
                  <span className="text-xs text-zinc-500 tabular-nums">{suggestion.count}</span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {values.length > 0 ? (
        <ul className="flex flex-wrap gap-1.5" aria-label={`${label} filter values`}>
          {values.map((value) => (
            <li key={value} className="inline-flex items-center gap-0.5 rounded-md bg-zinc-100 py-0.5 pr-0.5 pl-2 text-xs font-medium text-zinc-800">
              {value}
              <button
                type="button"
                className="grid size-5 place-items-center rounded text-zinc-500 hover:bg-zinc-200 hover:text-zinc-900 focus-visible:outline-2 focus-visible:outline-indigo-600"
                aria-label={`Remove ${value}`}
                onClick={() => setValues(values.filter((existing) => existing !== value))}
              >
                <XIcon className="size-3" aria-hidden />
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {values.length > 0 ? (
        <Button variant="ghost" size="sm" className="self-start" onClick={() => setValues([])}>
          Clear {label.toLowerCase()}
        </Button>
      ) : null}
    </>
  );
}
