"use client";

import { CheckIcon, SearchIcon } from "lucide-react";
import { useId, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/cn";

import type { DataTableFilterColumn, FilterOption, SelectFilter } from "./data-table-types";
import { matchOptions } from "./match-options";

interface OptionGroup {
  group: string;
  /** Each option with its position among all matches (what the arrow keys move through). */
  entries: { option: FilterOption; index: number }[];
}

function groupOptions(options: FilterOption[]): OptionGroup[] {
  const groups: OptionGroup[] = [];
  options.forEach((option, index) => {
    const name = option.group ?? "";
    const last = groups.at(-1);
    if (last && last.group === name) last.entries.push({ option, index });
    else groups.push({ group: name, entries: [{ option, index }] });
  });
  return groups;
}

/** The select filter's panel: a search box over the options, each opening with the chosen one active. */
export function FacetedFilterPanel({
  column,
  label,
  filter,
  selected,
  close,
}: {
  column: DataTableFilterColumn;
  label: string;
  filter: SelectFilter;
  selected: FilterOption | null;
  close: () => void;
}) {
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(() => Math.max(0, selected ? filter.options.indexOf(selected) : 0));
  const listRef = useRef<HTMLDivElement>(null);
  const baseId = useId();
  const listId = `${baseId}-list`;
  const optionId = (index: number) => `${baseId}-option-${index}`;

  const matches = useMemo(() => matchOptions(filter.options, query), [filter.options, query]);
  const groups = useMemo(() => groupOptions(matches), [matches]);
  const activeIndex = Math.min(active, matches.length - 1);

  const choose = (option: FilterOption | null) => {
    column.setFilterValue(option?.value);
    close();
  };

  const moveTo = (index: number) => {
    const next = Math.max(0, Math.min(index, matches.length - 1));
    setActive(next);
    listRef.current?.querySelector(`#${CSS.escape(optionId(next))}`)?.scrollIntoView({ block: "nearest" });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const moves: Record<string, number> = { ArrowDown: activeIndex + 1, ArrowUp: activeIndex - 1, Home: 0, End: matches.length - 1 };
    const target = moves[event.key];
    if (target !== undefined) {
      event.preventDefault();
      moveTo(target);
    } else if (event.key === "Enter") {
      event.preventDefault();
      const option = matches[activeIndex];
      if (option) choose(option);
    }
  };

  return (
    <>
      <div className="flex items-center gap-2 border-b border-zinc-200 px-3">
        <SearchIcon className="size-3.5 shrink-0 text-zinc-500" aria-hidden />
        <input
          role="combobox"
          // The panel was opened to search here.
          autoFocus
          aria-label={`Search ${label.toLowerCase()}`}
          aria-expanded
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={matches.length > 0 ? optionId(activeIndex) : undefined}
          value={query}
          placeholder={filter.placeholder}
          autoComplete="off"
          spellCheck={false}
          className="h-10 w-full bg-transparent text-sm outline-none placeholder:text-zinc-500"
          onChange={(event) => {
            setQuery(event.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
        />
      </div>
      <div ref={listRef} id={listId} role="listbox" aria-label={label} className="max-h-72 overflow-y-auto p-1">
        {matches.length === 0 ? <p className="px-2 py-6 text-center text-sm text-zinc-500">No match for “{query}”.</p> : null}
        {groups.map(({ group, entries }) => (
          <div key={group} role="group" aria-label={group || undefined}>
            {group ? (
              <div className="px-2 pt-2 pb-1 text-xs font-medium text-zinc-500" aria-hidden>
                {group}
              </div>
            ) : null}
            {entries.map(({ option, index: optionIndex }) => {
              const isSelected = option.value === selected?.value;
              return (
                <div
                  key={option.value}
                  id={optionId(optionIndex)}
                  role="option"
                  aria-selected={isSelected}
                  onMouseMove={() => setActive(optionIndex)}
                  onClick={() => choose(option)}
                  className={cn("flex cursor-pointer items-center gap-2 rounded-md px-2 py-1.5 text-sm text-zinc-800", optionIndex === activeIndex && "bg-zinc-100")}
                >
                  {option.icon}
                  <span className="flex-1 truncate">{option.label}</span>
                  {isSelected ? <CheckIcon className="size-4 text-indigo-600" aria-hidden /> : null}
                </div>
              );
            })}
          </div>
        ))}
      </div>
      {selected ? (
        <div className="border-t border-zinc-200 p-1">
          <Button variant="ghost" size="sm" className="w-full justify-center" onClick={() => choose(null)}>
            Clear {label.toLowerCase()}
          </Button>
        </div>
      ) : null}
    </>
  );
}
