import type { Fault } from "../fake-github/faults";
import type { LogEntry as LoggedRequest } from "../fake-github/request-log";
import { FAKE_URL } from "./e2e-env";

/** Test-side handle on fake-github's control surface (`/_fake/*`). */
export class FakeGitHubControl {
  constructor(private readonly baseUrl = FAKE_URL) {}

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: body === undefined ? undefined : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`fake-github ${method} ${path} answered ${response.status}`);
    const text = await response.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }

  /** The sequence number of the last request fake-github logged; pass it to `requestsSince`. */
  async mark(): Promise<number> {
    const { entries } = await this.call<{ entries: LoggedRequest[] }>("GET", "/_fake/log");
    return entries.at(-1)?.seq ?? 0;
  }

  async requestsSince(seq: number): Promise<LoggedRequest[]> {
    const { entries } = await this.call<{ entries: LoggedRequest[] }>("GET", `/_fake/log?since=${seq}`);
    return entries;
  }

  setFaults(faults: Fault[]) {
    return this.call<unknown>("POST", "/_fake/faults", { faults });
  }

  clearFaults() {
    return this.setFaults([]);
  }

  setMembership(org: string, username: string, role: "admin" | "member", state: "active" | "pending" = "active") {
    return this.call<unknown>("POST", "/_fake/memberships", { org, username, role, state });
  }

  request(org: string, id: number) {
    return this.call<Record<string, unknown>>("GET", `/_fake/state/orgs/${org}/requests/${id}`);
  }

  /** The apps fake-github knows: the default one and those registered from manifests. */
  async apps() {
    const { apps } = await this.call<{ apps: Array<{ id: number; slug: string; name: string; clientId: string; permissions: Record<string, string>; events: string[]; callbackUrls: string[]; redirectUrl: string | null; setupUrl: string | null; hook: { url: string | null; secret: string | null; active: boolean } }> }>("GET", "/_fake/apps");
    return apps;
  }

  /** That user's access tokens expire now (their refresh tokens still work). */
  expireUserTokens(login: string) {
    return this.call<{ expired: number }>("POST", "/_fake/user-tokens/expire", { login });
  }

  /** That user's refresh tokens stop working. */
  revokeRefreshTokens(login: string) {
    return this.call<{ revoked: number }>("POST", "/_fake/user-tokens/revoke-refresh", { login });
  }

  token(org: string, id: number) {
    return this.call<Record<string, unknown>>("GET", `/_fake/state/orgs/${org}/tokens/${id}`);
  }

  /** Every record fake-github holds for the org (times in epoch ms): the truth to compare with. */
  async records<K extends "requests" | "tokens">(org: string, kind: K, status: K extends "requests" ? "pending" : "active"): Promise<StoredRecord[]> {
    return (await this.call<{ records: StoredRecord[] }>("GET", `/_fake/state/orgs/${org}/${kind}?status=${status}`)).records;
  }

  counts(org: string) {
    return this.call<{ pendingRequests: number; activeTokens: number }>("GET", `/_fake/state/orgs/${org}`);
  }

  /** A member asks for a token, as on github.com. */
  createRequest(org: string, body: { owner?: string; tokenName?: string; reason?: string }) {
    return this.call<StoredRecord>("POST", `/_fake/orgs/${org}/requests`, body);
  }

  /** An owner revokes a token on github.com, outside Grantdesk. */
  revokeToken(org: string, id: number) {
    return this.call<StoredRecord>("POST", `/_fake/orgs/${org}/tokens/${id}/revoke`, {});
  }
}

/** A request or grant as fake-github stores it. */
export interface StoredRecord {
  id: number;
  tokenId: number;
  tokenName: string;
  ownerId: number;
  permissions: { organization?: Record<string, string>; repository?: Record<string, string>; other?: Record<string, string> };
  repositorySelection: "none" | "all" | "subset";
  tokenExpiresAt: number | null;
  tokenLastUsedAt: number | null;
  status: string;
}
