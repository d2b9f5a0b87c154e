"use client";

import type { Column, RowData } from "@tanstack/react-table";
import { SearchIcon } from "lucide-react";
import { useEffect, useEffectEvent, useId, useState } from "react";
import { Input } from "@/components/ui/input";
import type { DataTableFeatures, DataTableFilter } from "./data-table-types";

type TextFilter = Extract<DataTableFilter, { variant: "text" }>;

/** Typing pauses this long before the filter applies: one request per intent, not per key. */
const TEXT_FILTER_DEBOUNCE_MS = 350;

/** A free-text filter in the toolbar, applied once typing pauses (or at once on Enter). */
export function DataTableTextFilter<TData extends RowData>({
  column,
  label,
  filter,
}: {
  column: Column<DataTableFeatures, TData, unknown>;
  label: string;
  filter: TextFilter;
}) {
  const rawApplied = column.getFilterValue();
  const applied = typeof rawApplied === "string" ? rawApplied : "";
  const [draft, setDraft] = useState(applied);
  const [shown, setShown] = useState(applied);
  const problemId = useId();

  // The URL changed under us (back/forward, reset): show what now applies.
  if (applied !== shown) {
    setShown(applied);
    setDraft(applied);
  }

  const value = draft.trim();
  const problem = value ? filter.validate(value) : null;

  const apply = () => {
    if (problem || value === applied) return;
    column.setFilterValue(value || undefined);
  };
  const applyAfterPause = useEffectEvent(apply);

  useEffect(() => {
    const timer = setTimeout(applyAfterPause, TEXT_FILTER_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [value]);

  return (
    <div className="relative w-full sm:w-56">
      <SearchIcon className="pointer-events-none absolute top-1/2 left-2.5 size-3.5 -translate-y-1/2 text-zinc-500" aria-hidden />
      <Input
        type="search"
        aria-label={label}
        placeholder={filter.placeholder}
        value={draft}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? problemId : undefined}
        autoComplete="off"
        spellCheck={false}
        className="pl-8"
        onChange={(event) => setDraft(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === "Enter") apply();
        }}
      />
      {problem ? (
        <p id={problemId} role="alert" className="absolute top-full left-0 z-10 mt-1 rounded bg-white px-1 text-xs text-red-700">
          {problem}
        </p>
      ) : null}
    </div>
  );
}
