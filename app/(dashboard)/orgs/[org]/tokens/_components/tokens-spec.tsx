"use client";

import { BanIcon, KeyRoundIcon } from "lucide-react";
import { DetailSection } from "@/components/pat/pat-detail-sheet";
import type { PatViewSpec } from "@/components/pat/pat-view-spec";
import { MAX_REASON_LENGTH } from "@/lib/contract/github-names";
import { listOwners } from "@/lib/format/bulk-wording";
import { TOKEN_NOUN } from "@/lib/format/nouns";
import { tokensUrlKeys } from "@/lib/search-params/tokens";
import { TokenSignalDetails, TokenSignalsCell } from "./token-signals";

/** The active tokens: what differs from the requests page (hygiene signals and views, revoke). */
export const tokensSpec: PatViewSpec<"tokens"> = {
  resource: "tokens",
  noun: TOKEN_NOUN,
  title: "Active tokens",
  intro: (org) =>
    `Fine-grained personal access tokens with access to ${org}. Signals under each name mark tokens that may no longer be needed; hover or focus them for the reason, or filter the whole org by them.`,
  urlKeys: tokensUrlKeys,
  describeRow: (row) => `${row.owner.login}'s token ${row.tokenName}`,
  describeTarget: (row) => `${row.owner.login}'s token`,
  columns: {
    nameDetails: (row) => <TokenSignalsCell token={row} />,
    // GitHub sorts grants by `created_at`: when access was granted.
    sortDate: { key: "accessGrantedAt", accessor: (row) => row.accessGrantedAt, title: "Granted", label: "Access granted", hideBelow: "xl" },
    lastUsedHideBelow: "lg",
  },
  actions: [
    {
      action: "revoke",
      verb: "Revoke",
      pendingVerb: "Revoking…",
      pastVerb: "Revoked",
      icon: <BanIcon aria-hidden />,
      tone: "danger",
      note: {
        label: "Note",
        maxLength: MAX_REASON_LENGTH,
        placeholder: "e.g. Unused since the Q3 migration",
        hint: "Kept in Grantdesk's audit trail. GitHub's revoke takes no reason, so owners do not see it.",
      },
      explain: (rows, org) => (
        <p>
          <strong className="font-semibold text-zinc-900">This cannot be undone.</strong> {rows.length === 1 ? "The token loses" : "Each token loses"}{" "}
          its access to {org} at once; to get it back, {rows.length === 1 ? "its owner has" : "their owners have"} to request access again.
        </p>
      ),
      details: (rows) => {
        const owners = rows.map((row) => row.owner.login);
        return (
          <dl className="flex flex-col gap-1 rounded-md bg-zinc-50 px-3 py-2 text-sm ring-1 ring-zinc-200">
            {rows.length === 1 ? (
              <div className="flex gap-2">
                <dt className="shrink-0 text-zinc-500">Token</dt>
                <dd className="min-w-0 font-medium [overflow-wrap:anywhere] text-zinc-900">{rows[0]!.tokenName}</dd>
              </div>
            ) : null}
            <div className="flex gap-2">
              <dt className="shrink-0 text-zinc-500">{new Set(owners).size === 1 ? "Owner affected" : "Owners affected"}</dt>
              <dd className="min-w-0 font-medium [overflow-wrap:anywhere] text-zinc-900">{listOwners(owners)}</dd>
            </div>
          </dl>
        );
      },
    },
  ],
  panel: {
    kicker: (id, row) => (row ? `Token #${row.tokenId} · grant #${row.id}` : `Grant #${id}`),
    describe: (row) => `Fine-grained token owned by ${row.owner.login}`,
    loadingTitle: "Loading token…",
    notFoundTitle: "Token not found",
    notFound: (id) =>
      `Grant #${id} is not among the tokens shown. It may have been revoked already, or it is on another page or outside the current filters.`,
    failurePrefix: "The last revoke failed:",
    sortDate: { label: "Access granted", accessor: (row) => row.accessGrantedAt },
    moreSections: (row) => (
      <DetailSection title="Hygiene signals">
        <TokenSignalDetails token={row} />
      </DetailSection>
    ),
  },
  empty: {
    listName: "list",
    icon: <KeyRoundIcon />,
    title: "No active tokens",
    text: (org) => `No fine-grained personal access token has access to ${org}. Tokens appear here once their requests are approved.`,
  },
};
