"use client";

import { DataTableConfirmDialog } from "@/components/data-table/data-table-confirm-dialog";
import type { PatRequestRow } from "@/lib/api/contract";
import type { ReviewAction } from "@/lib/client/review-requests";
import { describeBulkAction } from "@/lib/format/bulk-wording";
import { REQUEST_NOUN, REVIEW_REASON_MAX } from "./review-wording";

export interface PendingReview {
  action: ReviewAction;
  rows: PatRequestRow[];
}

/**
 * "Deny 37 requests from 12 members", with an optional reason sent to GitHub with the review.
 * Mounted while a review is pending confirmation (the page loads it on first use).
 */
export function ReviewDialog({
  review,
  onClose,
  onConfirm,
  pending,
  error,
  fallbackFocus,
}: {
  review: PendingReview;
  onClose: () => void;
  onConfirm: (review: PendingReview, reason: string) => void;
  pending: boolean;
  error: string | null;
  fallbackFocus: () => HTMLElement | null;
}) {
  const { action, rows } = review;
  const verb = action === "approve" ? "Approve" : "Deny";
  return (
    <DataTableConfirmDialog
      open
      onOpenChange={(open) => !open && onClose()}
      title={describeBulkAction(verb, rows.length, REQUEST_NOUN, rows.map((row) => row.owner.login))}
      description={
        action === "approve"
          ? "Each token gets the access it requested in this organization."
          : "Each token is refused the access it requested in this organization."
      }
      note={{
        label: "Reason",
        maxLength: REVIEW_REASON_MAX,
        placeholder: action === "approve" ? "e.g. Approved for the Q3 migration" : "e.g. Please request read access only",
        hint: "Sent to GitHub with the review.",
      }}
      confirmLabel={verb}
      pendingLabel={action === "approve" ? "Approving…" : "Denying…"}
      tone={action === "approve" ? "primary" : "danger"}
      pending={pending}
      error={error}
      onConfirm={(reason) => onConfirm(review, reason)}
      fallbackFocus={fallbackFocus}
    />
  );
}
