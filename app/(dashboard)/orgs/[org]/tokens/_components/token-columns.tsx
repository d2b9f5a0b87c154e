"use client";

import { BanIcon } from "lucide-react";
import { DataTableColumnHeader } from "@/components/data-table/data-table-column-header";
import { createSelectColumn } from "@/components/data-table/data-table-select-column";
import { createDataTableColumnHelper } from "@/components/data-table/data-table-types";
import { createPatColumns } from "@/components/pat/pat-columns";
import { Button } from "@/components/ui/button";
import { RelativeTime } from "@/components/ui/relative-time";
import { Tooltip } from "@/components/ui/tooltip";
import type { PatTokenRow } from "@/lib/api/contract";
import type { HygieneSignalKind } from "@/lib/format/token-hygiene";
import { TokenSignalsCell } from "./token-signals";

/** "mona's token ci-deploy": how each row is named to assistive technology. */
export function describeToken(row: PatTokenRow): string {
  return `${row.owner.login}'s token ${row.tokenName}`;
}

export interface TokenColumnActions {
  /** The page URL with this token's panel open. */
  tokenHref: (row: PatTokenRow) => string;
  openToken: (row: PatTokenRow) => void;
  revoke: (rows: PatTokenRow[]) => void;
  /** A revoke is in flight: revoke buttons wait. */
  revoking: boolean;
  /** The per-row view's signal, emphasised where a row has it. */
  markedSignal: HygieneSignalKind | null;
}

const helper = createDataTableColumnHelper<PatTokenRow>();

export function createTokenColumns({ tokenHref, openToken, revoke, revoking, markedSignal }: TokenColumnActions) {
  const pat = createPatColumns<PatTokenRow>({ href: tokenHref, open: openToken, describeTarget: (row) => `${row.owner.login}'s token` });
  return helper.columns([
    createSelectColumn<PatTokenRow>({ pageLabel: "Select all tokens on this page", describeRow: (row) => `Select ${describeToken(row)}` }),
    pat.owner,
    pat.tokenName((row) => <TokenSignalsCell token={row} marked={markedSignal} />),
    pat.permissions,
    pat.repositories,
    // GitHub sorts grants by `created_at`: when access was granted.
    helper.accessor("accessGrantedAt", {
      enableSorting: true,
      header: ({ column }) => <DataTableColumnHeader column={column} title="Granted" />,
      meta: { label: "Access granted", hideBelow: "xl" },
      cell: ({ row }) => <RelativeTime iso={row.original.accessGrantedAt} className="whitespace-nowrap text-zinc-700" />,
    }),
    pat.expiry,
    pat.lastUsed("lg"),
    helper.display({
      id: "actions",
      header: () => <span className="sr-only">Revoke</span>,
      meta: { label: "Revoke", className: "w-px text-right" },
      cell: ({ row }) => (
        <div className="flex justify-end">
          <Tooltip content="Revoke…">
            <Button size="sm" variant="danger-ghost" disabled={revoking} onClick={() => revoke([row.original])}>
              <BanIcon aria-hidden />
              <span className="hidden 2xl:inline">Revoke</span>
              <span className="sr-only 2xl:hidden">Revoke</span>
              <span className="sr-only"> {describeToken(row.original)}</span>
            </Button>
          </Tooltip>
        </div>
      ),
    }),
  ]);
}
