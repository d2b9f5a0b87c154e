import "server-only";
import type { AuditRecord } from "@/lib/contract/audit-record";
import { redactSecrets } from "@/lib/github/redact-secrets";
import type { AuditFilters } from "./audit-filters";
import { csvHeader, EXPORT_CONTENT_TYPES, toCsvRow, toJsonLine, type ExportFormat } from "./format-audit-export";
import { readTrail } from "./read-trail";
import { streamAuditRecords } from "./stream-audit-records";

/**
 * The matching records as a download, streamed: each page is read from the database only when
 * the client has taken the previous one, so an export of any size holds about one page in
 * memory. The first page is read before answering, so an unavailable database is a 503 and not
 * a broken file; a failure later aborts the download (the browser reports it failed) rather
 * than ending it as if complete.
 */
export async function exportAuditRecords(filters: AuditFilters, format: ExportFormat, now = new Date()): Promise<Response> {
  const { pages, first } = await readTrail(async (database) => {
    const pages = streamAuditRecords(database, filters);
    return { pages, first: await pages.next() };
  });
  const formatRecord = format === "csv" ? toCsvRow : toJsonLine;
  const encoder = new TextEncoder();
  const encode = (records: AuditRecord[], prefix = "") => encoder.encode(prefix + records.map(formatRecord).join(""));

  let started = false;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encode(first.done ? [] : first.value, format === "csv" ? csvHeader() : ""));
        if (first.done) controller.close();
        return;
      }
      try {
        const next = await pages.next();
        if (next.done) controller.close();
        else controller.enqueue(encode(next.value));
      } catch (error) {
        console.error(`[audit] export of ${filters.org} failed mid-way: ${redactSecrets(error instanceof Error ? error.message : String(error))}`);
        controller.error(new Error("The audit trail could not be read to the end."));
      }
    },
    async cancel() {
      await pages.return(undefined);
    },
  });

  return new Response(body, {
    headers: {
      "content-type": EXPORT_CONTENT_TYPES[format],
      "content-disposition": `attachment; filename="${exportFileName(filters.org, format, now)}"`,
      "cache-control": "no-store",
    },
  });
}

/** `grantdesk-audit-acme-20250131-120000.csv`: the org is a GitHub name, safe in a header as is. */
function exportFileName(org: string, format: ExportFormat, now: Date): string {
  const stamp = now.toISOString().slice(0, 19).replace(/[-:]/g, "").replace("T", "-");
  return `grantdesk-audit-${org}-${stamp}.${format}`;
}
