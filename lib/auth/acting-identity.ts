import "server-only";
import type { ActingIdentity } from "@/lib/contract/audit-record";
import { env } from "@/lib/env";
import type { UserTokenSource } from "@/lib/github/user-token-auth";
import { ownerTokenSource } from "./owner-tokens";

export interface ActingIdentityChoice {
  /** What the audit trail records. */
  actedAs: ActingIdentity;
  /** The owner's token for the writes (ACT_AS=owner); absent: the app's installation token. */
  asUser?: UserTokenSource;
}

/** Whose credential a review or revoke by `user` is sent with, as the deployment chose (ACT_AS). */
export function actingIdentityFor(user: { id: number; login: string }): ActingIdentityChoice {
  return env().actAs === "owner" ? { actedAs: "owner", asUser: ownerTokenSource(user) } : { actedAs: "app" };
}
