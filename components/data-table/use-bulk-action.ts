"use client";

import { useMutation, useQueryClient, type QueryKey } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useMemo, useRef, useState } from "react";
import { toast } from "sonner";
import { isApiError } from "@/lib/contract/api-error";
import type { BulkResult, IdOutcome } from "@/lib/contract/bulk-result";
import type { JobSummary } from "@/lib/contract/jobs";

/**
 * How long accepted ids stay hidden while polling for GitHub to apply them (it answers 202 and
 * applies shortly after). An id GitHub still lists after that is shown again: the list is the
 * truth, and the UI must not claim more than GitHub did.
 */
const CONVERGE_WINDOW_MS = 30_000;
const CONVERGE_POLL_MS = 1_500;

export interface BulkActionOptions<TInput> {
  /** Sends the action for these ids; resolves with every id's outcome, or with the job still running them. */
  submit: (ids: number[], input: TInput) => Promise<BulkResult | JobSummary>;
  /** The action is a job that carries on on the server (it waits behind another): follow it. */
  onQueued: (job: JobSummary) => void;
  /** The list queries to refetch after GitHub answered (a key prefix). */
  listKey: QueryKey;
  /** Other data the action changes (e.g. the audit trail), refreshed with the list. */
  alsoChanges?: QueryKey[];
  /** The toast's text for an outcome: "Denied 28 requests; 2 failed." */
  describeOutcome: (result: BulkResult, input: TInput) => string;
}

export interface BulkAction<TInput> {
  /**
   * Sends the action for `ids`, skipping any already in flight or already accepted, so the
   * same id is never sent twice. Resolves with the outcome, or null when nothing was sent.
   */
  run: (ids: number[], input: TInput) => Promise<BulkResult | JobSummary | null>;
  isPending: boolean;
  /** Ids GitHub just accepted: not shown, even while GitHub's list still has them. */
  removedIds: ReadonlySet<number>;
  /** Why each failed id failed, by row id, until it is tried again. */
  rowErrors: ReadonlyMap<string, string>;
  /** A query's refetchInterval: poll while a just-accepted id is still listed. */
  pollWhileApplying: (items: readonly { id: number }[] | undefined) => number | false;
}

function failureMessage(outcome: IdOutcome): string {
  return outcome.error ?? (outcome.status ? `GitHub answered HTTP ${outcome.status}.` : "GitHub did not confirm it.");
}

/**
 * A bulk action against GitHub (review, revoke) with the guarantees the tables promise: rows
 * leave once GitHub accepts them, failures keep their reason, nothing is sent twice, and the list
 * is refetched until it agrees (GitHub applies a 202 after answering).
 */
export function useBulkAction<TInput>({ submit, onQueued, listKey, alsoChanges = [], describeOutcome }: BulkActionOptions<TInput>): BulkAction<TInput> {
  const queryClient = useQueryClient();
  const router = useRouter();
  const inFlight = useRef(new Set<number>());
  const [acceptedAt, setAcceptedAt] = useState<ReadonlyMap<number, number>>(new Map());
  const [failures, setFailures] = useState<ReadonlyMap<number, string>>(new Map());
  const mutation = useMutation({ mutationFn: ({ ids, input }: { ids: number[]; input: TInput }) => submit(ids, input) });

  const run = async (ids: number[], input: TInput): Promise<BulkResult | JobSummary | null> => {
    const fresh = [...new Set(ids)].filter((id) => !inFlight.current.has(id) && !acceptedAt.has(id));
    if (fresh.length === 0) return null;
    fresh.forEach((id) => inFlight.current.add(id));
    let result: BulkResult;
    try {
      const answer = await mutation.mutateAsync({ ids: fresh, input });
      if ("status" in answer) {
        // Queued behind another of the org's jobs: nothing is known yet about any id. The job
        // carries on without this page; the page follows it and refreshes when it ends.
        toast.info("Queued behind another job of this organization", { description: "It runs on the server; you can leave this page." });
        onQueued(answer);
        return answer;
      }
      result = answer;
    } catch (error) {
      // GitHub refused the owner's own token (ACT_AS=owner) and nothing was sent: only a new
      // sign-in gets another, so go there, coming back to this very page.
      if (isApiError(error) && error.code === "reauth_required") {
        const back = window.location.pathname + window.location.search;
        router.push(`/signin?${new URLSearchParams({ reauth: "1", callbackUrl: back })}`);
      }
      // The route refused the call as a whole (not signed in, rate limited, unreachable): no id
      // is known to be done, so each keeps the reason and can be retried.
      const message = error instanceof Error ? error.message : "The action could not be sent.";
      result = { results: fresh.map((id) => ({ id, ok: false, error: message })), accepted: 0, skipped: 0, failed: fresh.length };
    } finally {
      fresh.forEach((id) => inFlight.current.delete(id));
    }

    const now = Date.now();
    const acceptedIds = result.results.filter((outcome) => outcome.ok).map((outcome) => outcome.id);
    setAcceptedAt((previous) => new Map([...previous, ...acceptedIds.map((id) => [id, now] as const)]));
    setTimeout(() => {
      setAcceptedAt((previous) => new Map([...previous].filter(([id, at]) => !(acceptedIds.includes(id) && at === now))));
    }, CONVERGE_WINDOW_MS);
    setFailures((previous) => {
      const next = new Map(previous);
      for (const id of fresh) next.delete(id);
      for (const outcome of result.results) if (!outcome.ok) next.set(outcome.id, failureMessage(outcome));
      return next;
    });

    const text = describeOutcome(result, input);
    if (result.failed === 0 && result.skipped === 0) toast.success(text);
    else if (result.accepted > 0) toast.warning(text, { description: "The failed ones stay selected, with the reason beside each." });
    else toast.error(text, { description: result.results.find((outcome) => !outcome.ok)?.error });
    // Even after a failure: an unclear answer may hide a change, and the list shows the truth.
    for (const queryKey of [listKey, ...alsoChanges]) void queryClient.invalidateQueries({ queryKey });
    return result;
  };

  const removedIds = useMemo(() => new Set(acceptedAt.keys()), [acceptedAt]);
  const rowErrors = useMemo(() => new Map([...failures].map(([id, message]) => [String(id), message])), [failures]);

  const pollWhileApplying = (items: readonly { id: number }[] | undefined): number | false =>
    items?.some((item) => acceptedAt.has(item.id)) ? CONVERGE_POLL_MS : false;

  return { run, isPending: mutation.isPending, removedIds, rowErrors, pollWhileApplying };
}
