// The browser's side of notification settings: reading them and the record list, and each change.

import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import type { ChannelView, DigestQueued, NotificationRecord, NotificationSettingsView, TestSendResult, TriggerSettings } from "@/lib/contract/notifications";
import type { Page } from "@/lib/contract/pat-rows";
import { apiFetch } from "./api-fetch";

/** While something waits to be sent, the list follows it closely; otherwise it looks now and then. */
const BUSY_MS = 2_000;
const IDLE_MS = 15_000;
export const RECORDS_PER_PAGE = 20;

const base = (org: string) => `/api/orgs/${encodeURIComponent(org)}/notifications`;

export const notificationKeys = {
  all: (org: string) => ["orgs", org, "notifications"] as const,
  settings: (org: string) => [...notificationKeys.all(org), "settings"] as const,
  records: (org: string, page: number) => [...notificationKeys.all(org), "records", page] as const,
};

export function notificationSettingsQuery(org: string) {
  return queryOptions({
    queryKey: notificationKeys.settings(org),
    queryFn: ({ signal }) => apiFetch<NotificationSettingsView>(`${base(org)}/settings`, { signal }),
  });
}

const isOpen = (record: NotificationRecord) => record.status === "queued" || record.status === "sending";

export function notificationRecordsQuery(org: string, page: number) {
  return queryOptions({
    queryKey: notificationKeys.records(org, page),
    queryFn: ({ signal }) => apiFetch<Page<NotificationRecord>>(`${base(org)}?page=${page}&per_page=${RECORDS_PER_PAGE}`, { signal }),
    placeholderData: keepPreviousData,
    refetchInterval: (query) => (query.state.data?.items.some(isOpen) ? BUSY_MS : IDLE_MS),
  });
}

export function putTriggers(org: string, triggers: TriggerSettings): Promise<NotificationSettingsView> {
  return apiFetch(`${base(org)}/settings`, { method: "PUT", body: JSON.stringify({ triggers }) });
}

/** What the channel forms send: a Slack channel's URL, or an email channel's recipients and server. */
export type ChannelInput =
  | { kind: "slack"; name?: string; enabled?: boolean; url?: string }
  | {
      kind: "email";
      name?: string;
      enabled?: boolean;
      recipients?: string[];
      smtp?: { mode: "instance" } | { mode: "custom"; host: string; port: number; security: "tls" | "starttls" | "none"; username: string | null; password?: string | null; from: string };
    };

export function postChannel(org: string, input: ChannelInput): Promise<ChannelView> {
  return apiFetch(`${base(org)}/channels`, { method: "POST", body: JSON.stringify(input) });
}

export function patchChannel(org: string, id: string, input: ChannelInput): Promise<ChannelView> {
  return apiFetch(`${base(org)}/channels/${encodeURIComponent(id)}`, { method: "PATCH", body: JSON.stringify(input) });
}

export function deleteChannel(org: string, id: string): Promise<{ deleted: string }> {
  return apiFetch(`${base(org)}/channels/${encodeURIComponent(id)}`, { method: "DELETE", body: "{}" });
}

export function postTestMessage(org: string, id: string): Promise<TestSendResult> {
  return apiFetch(`${base(org)}/channels/${encodeURIComponent(id)}/test`, { method: "POST", body: "{}" });
}

export function postDigestNow(org: string): Promise<DigestQueued> {
  return apiFetch(`${base(org)}/digest`, { method: "POST", body: "{}" });
}
