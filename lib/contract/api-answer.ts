// Every answer an API route may send besides an error: route handlers are typed against this, so a
// route cannot answer a shape the browser does not know.
import type { AuditChainVerification, AuditRecord } from "./audit-record";
import type { BulkResult, RateLimitStatus } from "./bulk-result";
import type { CountedPage, InventoryStatus, ListFacets, OrgOverview } from "./inventory";
import type { JobDraft, JobSummary } from "./jobs";
import type { ChannelView, DigestQueued, NotificationRecord, NotificationSettingsView, TestSendResult } from "./notifications";
import type { OrgSummary, Page, PatRequestRow, PatTokenRow, RepositoryRow } from "./pat-rows";
import type { WebhookStatus } from "./webhooks";

export type ApiAnswer =
  | OrgSummary[]
  | CountedPage<PatRequestRow>
  | CountedPage<PatTokenRow>
  | ListFacets
  | InventoryStatus
  | OrgOverview
  | Page<RepositoryRow>
  | Page<AuditRecord>
  | BulkResult
  | RateLimitStatus
  | AuditChainVerification
  | JobDraft
  | JobSummary
  | JobSummary[]
  | Page<JobSummary>
  | BulkResult
  | { jobs: JobSummary[] }
  | WebhookStatus
  | NotificationSettingsView
  | ChannelView
  | Page<NotificationRecord>
  | TestSendResult
  | DigestQueued
  | { deleted: string };
