// Facts for the notification message tests: a request with a reason that tries to mention a
// channel, write and admin permissions, and a subset of repositories.
import type { RequestFacts } from "@/lib/notifications/notification-content";

export const REQUEST: RequestFacts = {
  id: 1000042,
  tokenId: 5000042,
  tokenName: "deploy-bot",
  requester: "hubot",
  reason: "Deploys the <!channel> wiki\nevery night & more",
  permissions: { organization: { members: "read" }, repository: { contents: "write", metadata: "read", administration: "admin" }, other: {} },
  repositorySelection: "subset",
  repositories: { names: ["api", "web"], total: 5 },
  tokenExpiresAt: "2026-12-20T10:00:00Z",
  requestedAt: "2026-11-30T09:58:00Z",
};
