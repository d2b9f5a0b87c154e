"use client";

import { AlertTriangleIcon, RotateCwIcon } from "lucide-react";
import { Button, buttonClassName } from "@/components/ui/button";
import { ApiError } from "@/lib/contract/api-error";
import { DataTableStatePanel } from "./data-table-state-panel";
import type { Noun } from "@/lib/format/nouns";

/** What kind of failure it was, in a few words; the message that follows says why. */
export function describeFailure(error: Error): string {
  if (!(error instanceof ApiError)) return "Something went wrong.";
  if (error.status === 0) return "Grantdesk could not be reached.";
  if (error.status === 401) return "Your session has ended.";
  if (error.code === "missing_permission") return "The GitHub App lacks a permission.";
  if (error.status === 403) return "Access denied.";
  if (error.code === "too_many_requests" || error.code === "too_many_jobs") return "Too many at once.";
  if (error.status === 429) return "GitHub is rate limiting Grantdesk.";
  if (error.code === "audit_unavailable") return "Grantdesk's database is unavailable.";
  if (error.status === 502 || error.status === 503 || error.status === 504) return "GitHub did not answer.";
  if (error.status >= 500) return "Something went wrong in Grantdesk.";
  return "GitHub refused the request.";
}

/**
 * A failed load, shown where the rows would be: what failed, the reason in GitHub's (or the
 * route's) words, and a way to try again. Never an empty table, which would claim there is
 * nothing to review.
 */
export function DataTableError({ error, noun, onRetry, retrying }: { error: Error; noun: Noun; onRetry: () => void; retrying: boolean }) {
  const retryAfter = error instanceof ApiError && error.retryAfter ? ` You can try again in ${error.retryAfter} s.` : "";
  const kind = describeFailure(error);
  return (
    <DataTableStatePanel
      role="alert"
      tone="danger"
      icon={<AlertTriangleIcon />}
      title={`The ${noun.other} could not be loaded`}
      action={
        error instanceof ApiError && error.status === 401 ? (
          <a href="/signin" className={buttonClassName({ variant: "primary" })}>
            Sign in again
          </a>
        ) : (
          <Button onClick={onRetry} disabled={retrying}>
            <RotateCwIcon className={retrying ? "animate-spin" : undefined} aria-hidden />
            {retrying ? "Trying again…" : "Try again"}
          </Button>
        )
      }
    >
      <p>
        {error.message.startsWith(kind) ? error.message : `${kind} ${error.message}`}
        {retryAfter}
      </p>
    </DataTableStatePanel>
  );
}
