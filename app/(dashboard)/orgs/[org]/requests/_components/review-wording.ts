import type { ReviewAction } from "@/lib/client/review-requests";
import { describeBulkOutcome } from "@/lib/format/bulk-wording";

export const REQUEST_NOUN = { one: "request", other: "requests" };
/** GitHub's limit on a review's reason. */
export const REVIEW_REASON_MAX = 1024;

export function describeReviewOutcome(action: ReviewAction, accepted: number, failed: number): string {
  return describeBulkOutcome(action === "approve" ? "Approved" : "Denied", accepted, failed, REQUEST_NOUN);
}
