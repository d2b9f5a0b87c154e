"use client";

import { CheckIcon, InboxIcon, XIcon } from "lucide-react";
import { createDataTableColumnHelper } from "@/components/data-table/data-table-types";
import { DetailField } from "@/components/pat/pat-detail-sheet";
import type { PatViewSpec } from "@/components/pat/pat-view-spec";
import { MAX_REASON_LENGTH } from "@/lib/contract/github-names";
import type { PatRequestRow } from "@/lib/contract/pat-rows";
import { REQUEST_NOUN } from "@/lib/format/nouns";
import { requestsUrlKeys } from "@/lib/search-params/requests";

const helper = createDataTableColumnHelper<PatRequestRow>();

function Reason({ reason, clamp = false }: { reason: string | null; clamp?: boolean }) {
  if (!reason) return <span className="text-zinc-600 italic">No reason given</span>;
  return clamp ? (
    <p className="line-clamp-2 text-zinc-700" title={reason}>
      {reason}
    </p>
  ) : (
    <p className="whitespace-pre-wrap">{reason}</p>
  );
}

const reviewNote = (placeholder: string) => ({ label: "Reason", maxLength: MAX_REASON_LENGTH, placeholder, hint: "Sent to GitHub with the review." });

/** The pending-requests queue: what differs from the tokens page (the reason, approve and deny). */
export const requestsSpec: PatViewSpec<"requests"> = {
  resource: "requests",
  noun: REQUEST_NOUN,
  title: "Pending requests",
  intro: (org) => `Members asking for fine-grained personal access tokens to reach ${org}. Write and admin access are marked.`,
  urlKeys: requestsUrlKeys,
  describeRow: (row) => `${row.owner.login}'s request for ${row.tokenName}`,
  describeTarget: (row) => `${row.owner.login}'s request`,
  columns: {
    afterName: [
      helper.accessor("reason", {
        header: "Reason",
        meta: { label: "Reason", hideBelow: "lg", className: "min-w-40 max-w-56" },
        cell: ({ row }) => <Reason reason={row.original.reason} clamp />,
      }),
    ],
    sortDate: { key: "createdAt", accessor: (row) => row.createdAt, title: "Requested", label: "Requested", hideBelow: "md" },
    lastUsedHideBelow: "xl",
  },
  actions: [
    {
      action: "approve",
      verb: "Approve",
      pendingVerb: "Approving…",
      pastVerb: "Approved",
      icon: <CheckIcon aria-hidden />,
      tone: "primary",
      note: reviewNote("e.g. Approved for the Q3 migration"),
      explain: () => "Each token gets the access it requested in this organization.",
    },
    {
      action: "deny",
      verb: "Deny",
      pendingVerb: "Denying…",
      pastVerb: "Denied",
      icon: <XIcon aria-hidden />,
      tone: "danger",
      note: reviewNote("e.g. Please request read access only"),
      explain: () => "Each token is refused the access it requested in this organization.",
    },
  ],
  panel: {
    kicker: (id) => `Request #${id}`,
    describe: (row) => `Fine-grained token requested by ${row.owner.login}`,
    loadingTitle: "Loading request…",
    notFoundTitle: "Request not found",
    notFound: (id) =>
      `Request #${id} is not among the requests shown. It may have been reviewed already, or it is on another page or outside the current filters.`,
    failurePrefix: "The last review failed:",
    sortDate: { label: "Requested", accessor: (row) => row.createdAt },
    moreFields: (row) => (
      <DetailField label="Reason" className="col-span-2">
        <Reason reason={row.reason} />
      </DetailField>
    ),
  },
  empty: {
    listName: "queue",
    icon: <InboxIcon />,
    title: "No pending requests",
    text: () => "The queue is empty. When members ask for access with a fine-grained token, their requests appear here.",
  },
};
