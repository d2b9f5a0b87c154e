"use client";

import { useMutation } from "@tanstack/react-query";
import { ShieldAlertIcon, ShieldCheckIcon } from "lucide-react";
import { Button } from "@/components/ui/button";
import type { AuditChainVerification } from "@/lib/contract/audit-record";
import { apiFetch } from "@/lib/browser-api/api-fetch";

/**
 * Checks the org's audit hash chain on demand and says what it found: intact (how many links,
 * and the head hash to note down), or the first broken record.
 */
export function VerifyTrail({ org }: { org: string }) {
  const check = useMutation({
    mutationFn: () => apiFetch<AuditChainVerification>(`/api/orgs/${encodeURIComponent(org)}/audit/verify`),
  });
  return (
    <div className="flex flex-col items-start gap-2">
      <Button onClick={() => check.mutate()} disabled={check.isPending}>
        <ShieldCheckIcon aria-hidden />
        {check.isPending ? "Verifying…" : "Verify trail"}
      </Button>
      <div role="status" aria-live="polite" className="text-sm">
        {check.data ? <VerificationResult result={check.data} /> : null}
        {check.error ? <p className="text-red-700">{check.error.message}</p> : null}
      </div>
    </div>
  );
}

function VerificationResult({ result }: { result: AuditChainVerification }) {
  const before = result.beforeChain > 0 ? ` ${result.beforeChain} earlier action(s) predate the chain and are not covered.` : "";
  if (result.ok) {
    return (
      <p className="flex items-start gap-1.5 text-emerald-800">
        <ShieldCheckIcon className="mt-0.5 size-4 shrink-0" aria-hidden />
        <span>
          Trail intact: {result.links} link{result.links === 1 ? "" : "s"} checked, nothing changed or removed.{before}
          {result.head ? (
            <>
              {" "}
              Head: <code className="font-mono text-xs break-all">{result.head}</code>
            </>
          ) : null}
        </span>
      </p>
    );
  }
  const broken = result.firstBreak!;
  return (
    <p className="flex items-start gap-1.5 text-red-800">
      <ShieldAlertIcon className="mt-0.5 size-4 shrink-0" aria-hidden />
      <span>
        Trail broken{broken.position === null ? "" : ` at link ${broken.position}`}: batch <code className="font-mono text-xs">{broken.batchId}</code>
        {broken.targetId === null ? "" : `, id ${broken.targetId}`} — {broken.problem}. The {result.links} link{result.links === 1 ? "" : "s"} before it check out.
      </span>
    </p>
  );
}
