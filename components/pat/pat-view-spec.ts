// What makes the pending-requests page and the active-tokens page different, as data: their
// words, their own columns and detail fields, and their actions. Everything else — the list, its
// URL state, selection, bulk actions, dialogs and the detail panel — is one implementation
// (pat-list-view.tsx), so the two pages cannot drift apart.

import type { ReactNode } from "react";
import type { UrlKeys } from "nuqs";
import type { DataTableColumnDef } from "@/components/data-table/data-table-types";
import type { ConfirmDialogNote } from "@/components/data-table/data-table-confirm-dialog";
import type { AuditAction } from "@/lib/contract/audit-record";
import type { PatResource, PatRows } from "@/lib/contract/pat-rows";
import type { Noun } from "@/lib/format/nouns";
import type { patViewSearchParams } from "@/lib/search-params/pat-list";

export interface PatActionSpec<Row> {
  action: AuditAction;
  /** "Approve"; "Approving…"; "Approved". */
  verb: string;
  pendingVerb: string;
  pastVerb: string;
  icon: ReactNode;
  tone: "primary" | "danger";
  /** The reason or note the confirmation asks for. */
  note: ConfirmDialogNote;
  /** What will happen, under the confirmation's title. */
  explain: (rows: Row[], org: string) => ReactNode;
  /** More for the confirmation to show (e.g. whose tokens lose access). */
  details?: (rows: Row[]) => ReactNode;
}

export interface PatViewSpec<R extends PatResource> {
  resource: R;
  noun: Noun;
  title: string;
  intro: (org: string) => ReactNode;
  urlKeys: UrlKeys<typeof patViewSearchParams>;
  /** "mona's request for ci-deploy": how a row is named to assistive technology. */
  describeRow: (row: PatRows[R]) => string;
  /** "mona's request": what a row's name link opens, for screen readers. */
  describeTarget: (row: PatRows[R]) => string;
  /** The page's own columns and filters beside the shared ones (pat-columns.tsx). */
  columns: PatColumnSlots<PatRows[R]>;
  actions: PatActionSpec<PatRows[R]>[];
  panel: PatPanelSpec<PatRows[R]>;
  empty: { listName: string; icon: ReactNode; title: string; text: (org: string) => ReactNode };
}

export interface PatColumnSlots<Row extends PatRows[PatResource]> {
  /** Lines under the token's name (the tokens' hygiene signals). */
  nameDetails?: (row: Row) => ReactNode;
  /** Columns after the token's name (the request's reason). */
  afterName?: DataTableColumnDef<Row>[];
  /** The date GitHub sorts the list by (created_at): when requested, or when access was granted. */
  sortDate: { key: string; accessor: (row: Row) => string; title: string; label: string; hideBelow: "md" | "xl" };
  lastUsedHideBelow: "lg" | "xl";
}

export interface PatPanelSpec<Row> {
  /** "Request #42"; "Token #9001 · grant #7". */
  kicker: (id: number, row: Row | undefined) => string;
  /** "Fine-grained token requested by mona". */
  describe: (row: Row) => string;
  loadingTitle: string;
  notFoundTitle: string;
  notFound: (id: number) => string;
  /** "The last review failed: …" */
  failurePrefix: string;
  /** The date field beside owner, expiry and last use. */
  sortDate: { label: string; accessor: (row: Row) => string };
  /** Fields after those four (the request's reason). */
  moreFields?: (row: Row) => ReactNode;
  /** Sections before permissions (the token's hygiene signals). */
  moreSections?: (row: Row) => ReactNode;
}
